using System.Resources;

// The neutral resources are Spanish: es-MX and es-PE fall back to them, English has its own files.
[assembly: NeutralResourcesLanguage("es")]
