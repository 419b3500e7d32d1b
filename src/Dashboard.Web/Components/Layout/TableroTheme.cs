using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>One palette for every page: an institutional green, and red kept for what is late.</summary>
public static class TableroTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#13322B",
            Secondary = "#9F2241",
            Tertiary = "#B38E5D",
            Error = "#C62828",
            Warning = "#E65100",
            Success = "#2E7D32",
            Background = "#F5F5F2",
            AppbarBackground = "#13322B",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
