namespace Dashboard.Web.Components.Shared;

/// <summary>Text shortened for a place that holds only so much: cut at a word with "…", never inside a word.</summary>
public static class ShortText
{
    /// <summary>
    /// <paramref name="text"/> whole when it fits in <paramref name="characters"/>, else its first words and "…". A first
    /// word that fills the place alone ("Desabastecimiento") stands whole without the ellipsis; only a word longer than
    /// the whole place is cut.
    /// </summary>
    public static string AtWord(string text, int characters)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= characters)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Min(characters - 1, text.Length - 1));
        if (cut > 0)
        {
            return text[..cut].TrimEnd(' ', '·', ',', '-') + "…";
        }

        var first = text.Split(' ', 2)[0];
        return first.Length <= characters ? first : text[..(characters - 1)] + "…";
    }
}
