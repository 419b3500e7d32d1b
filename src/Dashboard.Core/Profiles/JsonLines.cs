using System.Text.Json;

namespace Dashboard.Core.Profiles;

/// <summary>The line a JSON path ("$.rules[2].steps[0].level") starts on, so an error names the line an editor shows.</summary>
internal static class JsonLines
{
    public static int? LineOf(byte[] json, string path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new Stack<(string Path, bool Array, int Next)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    if (frames.TryPeek(out var owner) && $"{owner.Path}.{property}" == path)
                    {
                        return Line(json, reader.TokenStartIndex);
                    }

                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }

                // A value: its path is its container's plus its property name or index.
                var here = "$";
                if (frames.TryPop(out var parent))
                {
                    here = parent.Array ? $"{parent.Path}[{parent.Next}]" : $"{parent.Path}.{property}";
                    frames.Push(parent with { Next = parent.Next + 1 });
                }

                if (here == path)
                {
                    return Line(json, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push((here, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A file that does not parse has its line from the parser's own error.
        }

        return null;
    }

    private static int Line(byte[] json, long offset) => json.AsSpan(0, (int)offset).Count((byte)'\n') + 1;

    /// <summary>"$.rules[2].name" as a person reads it: "rules[2].name".</summary>
    public static string Field(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
