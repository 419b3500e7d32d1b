using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Catalogue;

/// <summary>
/// The institution a unit belongs to, by its profile's code as stored (<c>Imss</c>, <c>EsSalud</c>, or any profile a
/// deployment adds as a folder). What it means — its words, ID format, holidays, policies — is its
/// <see cref="Profiles.InstitutionProfile"/>, never a branch in code.
/// </summary>
[JsonConverter(typeof(InstitutionJsonConverter))]
[TypeConverter(typeof(InstitutionTypeConverter))]
public readonly record struct Institution : IComparable<Institution>, IComparable
{
    private readonly string? _code;

    public Institution(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code;
    }

    /// <summary>The shipped IMSS profile (Mexico). Only the demo catalogue and tests name it.</summary>
    public static Institution Imss { get; } = new("Imss");

    /// <summary>The shipped EsSalud profile (Peru). Only the demo catalogue and tests name it.</summary>
    public static Institution EsSalud { get; } = new("EsSalud");

    public string Code => _code ?? "";

    public override string ToString() => Code;

    /// <summary>Institutions sort as their profiles are listed (IMSS before EsSalud as shipped), then by code.</summary>
    public int CompareTo(Institution other)
    {
        var profiles = Profiles.InstitutionProfiles.Current;
        var byPlace = profiles.PositionOf(this).CompareTo(profiles.PositionOf(other));
        return byPlace != 0 ? byPlace : StringComparer.OrdinalIgnoreCase.Compare(Code, other.Code);
    }

    public int CompareTo(object? obj) => obj is Institution other ? CompareTo(other) : 1;

    public static bool operator <(Institution left, Institution right) => left.CompareTo(right) < 0;

    public static bool operator >(Institution left, Institution right) => left.CompareTo(right) > 0;

    public static bool operator <=(Institution left, Institution right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Institution left, Institution right) => left.CompareTo(right) >= 0;

    /// <summary>An institution by its code, as stored (no check against the profiles: <see cref="Profiles.InstitutionProfiles.Resolve"/> does that).</summary>
    public static explicit operator Institution(string code) => new(code);

    public static Institution FromString(string code) => new(code);
}

/// <summary>Writes and reads an institution as its code; an unknown code is refused against the loaded profiles.</summary>
public sealed class InstitutionJsonConverter : JsonConverter<Institution>
{
    public override Institution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Profiles.InstitutionProfiles.Current.Resolve(text) ?? throw new JsonException($"'{text}' is not an institution with a profile");
    }

    public override void Write(Utf8JsonWriter writer, Institution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}

/// <summary>Lets configuration bind an institution from its code (case-insensitive).</summary>
public sealed class InstitutionTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? Profiles.InstitutionProfiles.Current.Resolve(text) ?? throw new FormatException($"'{text}' is not an institution with a profile")
            : base.ConvertFrom(context, culture, value);
}
