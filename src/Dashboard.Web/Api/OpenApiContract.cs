using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Core.Cases;
using Dashboard.Core.Reads;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Completes the OpenAPI document (<c>/openapi/v1.json</c>) with what the generator cannot see, so a source system
/// can integrate from the document alone: the ingestion endpoint reads its raw body (to report every error by its
/// path), so its body and answers are described here from the parser's rules; the API-key scheme; and the query
/// parameters the read endpoints take as text (to answer bad values in their own problem shape).
/// </summary>
public static class OpenApiContract
{
    public const string SecuritySchemeName = "ApiKey";
    public const string BearerSchemeName = "Bearer";
    public const string ProblemSchema = "Problem";
    public const string EventSchema = "CaseEvent";

    private const string ProblemJson = "application/problem+json";
    internal const string RegionFilter = "Only this region (OOAD / Red) code; narrows the key's scope, never widens it.";
    internal const string UnitFilter = "Only this unit code; narrows the key's scope, never widens it.";

    /// <summary>
    /// Describes an endpoint where it is mapped (eShop's way): its own parameters, body and answers. What every endpoint of
    /// the API shares (the key, 401/403/503, the problem shape) is added to the whole document below.
    /// </summary>
    public static TBuilder Describe<TBuilder>(this TBuilder builder, Action<OpenApiDocument, OpenApiOperation> describe) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            describe(context.Document!, operation);
            return Task.CompletedTask;
        });

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer(RefineSchemaAsync);
        options.AddDocumentTransformer(DescribeAsync);
    }

    private static Task RefineSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // An institution travels as its profile's code; the codes are the profiles this deployment runs with.
        if (context.JsonTypeInfo.Type == typeof(Core.Catalogue.Institution))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Core.Profiles.InstitutionProfiles.Current.Institutions.Select(i => (JsonNode)JsonValue.Create(i.Code))];
            schema.Description = "The institution, by its profile's code.";
        }

        // The web defaults also read numbers from strings, so the generator offers "integer or numeric string";
        // this API writes and documents plain numbers.
        const JsonSchemaType integerOrString = JsonSchemaType.Integer | JsonSchemaType.String;
        if (schema.Type is { } type && (type & integerOrString) == integerOrString && schema.Pattern is not null)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // A property left out when null (JsonIgnoreCondition.WhenWritingNull) is not required.
        if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is not null))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Tablero API";
        document.Info.Description =
            "Real-time complaint monitoring (IMSS Trato Digno, EsSalud Atención al Asegurado). Source systems send case events to " +
            "POST /api/v1/events and read cases, counts and the catalogue within their API key's scope. Errors are application/problem+json " +
            "with an `errors` object keyed by JSON path (body) or parameter name (query); 503 with Retry-After means the storage could not take " +
            "the request now and nothing was stored (retry with the same eventIds). Live: the SignalR hub " + Live.CaseEventsHub.Path + " (Join(\"all\" | " +
            "\"region:CODE\" | \"unit:CODE\") within the key's scope, `caseEvents` messages, ReadAfter(sequence, limit)); it takes the key as X-Api-Key, as " +
            "Authorization: Bearer KEY (the official clients' accessTokenFactory), or as access_token in the URL (browsers' WebSockets), which never reaches a log.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            In = ParameterLocation.Header,
            Description = $"One key per source system, with permissions ({string.Join(", ", Core.Access.RolePermissions.ForApiKeys)}) and a scope (all, region:CODE, unit:CODE).",
        };
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as a bearer token (Authorization: Bearer KEY).",
        };
        document.AddComponent(ProblemSchema, Problem());
        AddEventSchemas(document);
        var ingestResponse = await context.GetOrCreateSchemaAsync(typeof(IngestResponse), null, cancellationToken);
        if (ingestResponse.Properties?["results"].Items?.Properties?["status"] is OpenApiSchema resultStatus)
        {
            resultStatus.Enum = [JsonValue.Create("accepted"), JsonValue.Create("duplicate")];
        }

        document.AddComponent(nameof(IngestResponse), ingestResponse);
        NameSummaryKeys(document);

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                // Either scheme: two requirements are alternatives.
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] },
                ];
                operation.Responses ??= [];
                AddProblem(document, operation, StatusCodes.Status401Unauthorized, "No key (X-Api-Key or Authorization: Bearer), or an unknown key.");
                AddProblem(document, operation, StatusCodes.Status403Forbidden, "The key lacks the permission this operation needs.");
                AddProblem(document, operation, StatusCodes.Status503ServiceUnavailable, "The storage cannot take the request now (a full disk, the database unavailable); nothing was stored. Retry after Retry-After seconds.");
            }
        }

        // Tags named where each endpoint is mapped; the list at the top follows them.; the list at the top follows them.
        var tags = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal);
        document.Tags = tags.Select(name => new OpenApiTag { Name = name }).ToHashSet();
    }

    /// <summary>The summary's counts by status and by level always carry every key; say which.</summary>
    private static void NameSummaryKeys(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(nameof(SummaryDto), out var summary)
            || summary is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        var count = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" };
        properties["byStatus"] = Counts("Cases by status, open and closed alike.", Enum.GetNames<CaseStatus>(), count);
        properties["byEscalationLevel"] = Counts("Open cases by escalation level: 0 unit, 1 unit director, 2 regional committee, 3 central committee.",
            Enumerable.Range(0, CaseSummary.MaxEscalationLevel + 1).Select(l => l.ToString(CultureInfo.InvariantCulture)), count);
    }

    private static OpenApiSchema Counts(string description, IEnumerable<string> keys, OpenApiSchema count)
    {
        var names = keys.ToArray();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = names.ToDictionary(k => k, _ => (IOpenApiSchema)count),
            Required = names.ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>A query parameter the endpoint reads as text (to answer bad values in its own problem shape), as it really is.</summary>
    internal static void Parameter(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name) is { } parameter)
        {
            parameter.Description = description;
            parameter.Schema = schema;
        }
    }

    internal static void AddProblem(OpenApiDocument document, OpenApiOperation operation, int status, string description, bool replace = false)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        operation.Responses ??= [];
        if (replace || !operation.Responses.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) } },
            };
        }
    }

    /// <summary>RFC 9457 problem details, as every error of this API is answered.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text(),
            ["title"] = Text(),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = Text(),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages keyed by JSON path of the body (`[3].data.unitCode`, `$` for the whole body) or by query parameter name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text() },
            },
        },
    };

    /// <summary>
    /// One schema per event type, each with its <c>data</c>, joined by a discriminator on <c>type</c>: the rules of
    /// <see cref="CaseEventParser"/>, written out.
    /// </summary>
    private static void AddEventSchemas(OpenApiDocument document)
    {
        // Generated from the payload records themselves (CaseEventContract): the parser reads the same fields.
        var data = CaseEventContract.SourceTypes.ToDictionary(type => type, DataSchema);

        document.AddComponent("CaseEventType", OneOf(Enum.GetNames<CaseEventType>()));
        var variants = new List<IOpenApiSchema>();
        var mapping = new Dictionary<string, OpenApiSchemaReference>();
        foreach (var (type, schema) in data)
        {
            document.AddComponent($"{type}Data", schema);
            document.AddComponent($"{type}Event", Envelope(document, type));
            var reference = new OpenApiSchemaReference($"{type}Event", document);
            variants.Add(reference);
            mapping[type.ToString()] = reference;
        }

        document.AddComponent(EventSchema, new OpenApiSchema
        {
            Description = "A case event; its `type` decides the shape of `data`.",
            OneOf = variants,
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        });
    }

    private static OpenApiSchema Envelope(OpenApiDocument document, CaseEventType type)
    {
        var required = new HashSet<string>(StringComparer.Ordinal) { CaseEventContract.EventId, CaseEventContract.Type, CaseEventContract.CaseId, CaseEventContract.OccurredAt };
        if (type != CaseEventType.CaseResumed)
        {
            required.Add(CaseEventContract.Data);
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = required,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [CaseEventContract.EventId] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "Unique per event; sending it again is answered as a duplicate." },
                [CaseEventContract.Type] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create(type.ToString())],
                    Description = "One of the values of CaseEventType.",
                },
                [CaseEventContract.CaseId] = Matching(pattern: CaseEventContract.CaseIdPattern, description: "The source system's case number, 1–64 characters of A-Z a-z 0-9 - _ / ."),
                [CaseEventContract.OccurredAt] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "date-time",
                    Description = $"RFC 3339 with an offset (2026-11-24T09:30:00-06:00); at most {CaseEventContract.MaxFutureSkew.TotalMinutes:0} minutes in the future.",
                },
                [CaseEventContract.Data] = new OpenApiSchemaReference($"{type}Data", document),
                [CaseEventContract.Actor] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = CaseActor.MaxOnBehalfOf,
                    Description = "Optional: the source system's own user who made the change; stored beside the API key's name and shown in the case's timeline.",
                },
            },
        };
    }

    /// <summary>One event type's <c>data</c>, from its record: each property, its type and the attributes that rule it.</summary>
    private static OpenApiSchema DataSchema(CaseEventType type)
    {
        var record = CaseEventJson.DataTypeOf(type);
        var fields = CaseEventContract.FieldsOf(type);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)FieldSchema(f)),
            Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
            MinProperties = record.IsDefined(typeof(AtLeastOneFieldAttribute), false) ? 1 : null,
            Description = record.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false).OfType<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description,
        };
    }

    private static OpenApiSchema FieldSchema(DataField field)
    {
        var schema = field.ValueType switch
        {
            { IsEnum: true } enumType => OneOf(Enum.GetNames(enumType)),
            var t when t == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            var t when t == typeof(int) && field.Rule<WholeNumberAttribute>() is { } range => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = range.Minimum.ToString(CultureInfo.InvariantCulture),
                Maximum = range.Maximum.ToString(CultureInfo.InvariantCulture),
            },
            var t when t == typeof(PraisedStaff) => PraisedStaffSchema(),
            _ when field.Rule<CodeAttribute>() is not null => Matching(pattern: CaseEventContract.CodePattern, description: "A code: 1–64 characters of A-Z a-z 0-9 - _ ."),
            _ when field.Rule<InsuredIdAttribute>() is not null => Matching(pattern: InsuredIdAttribute.Pattern, description: ""),
            _ when field.Rule<FreeTextAttribute>() is { } text => Text(text.MaxLength),
            _ => Text(),
        };
        if (field.Rule<System.ComponentModel.DescriptionAttribute>() is { } description)
        {
            schema.Description = description.Description;
        }

        return schema;
    }

    /// <summary><c>{"agentId"}</c> or <c>{"name", "role"}</c>, nothing else: the parser's rules for a praised staff member.</summary>
    private static OpenApiSchema PraisedStaffSchema()
    {
        var code = () => Matching(pattern: CaseEventContract.CodePattern, description: "A code: 1–64 characters of A-Z a-z 0-9 - _ .");
        var agent = code();
        agent.Description = "A técnica of the case's unit (GET /api/v1/units).";
        var role = code();
        role.Description = "A staff role of the unit's institution (GET /api/v1/classification).";
        var name = Text(PraisedStaff.MaxName);
        name.Description = "The person's name when she is not in the catalogue: one line, no control characters; trimmed.";
        return new OpenApiSchema
        {
            OneOf =
            [
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["agentId"] = agent },
                    Required = new HashSet<string>(StringComparer.Ordinal) { "agentId" },
                    AdditionalPropertiesAllowed = false,
                },
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["name"] = name, ["role"] = role },
                    Required = new HashSet<string>(StringComparer.Ordinal) { "name", "role" },
                    AdditionalPropertiesAllowed = false,
                },
            ],
        };
    }

    internal static OpenApiSchema Text(int maxLength) => new() { Type = JsonSchemaType.String, MinLength = 1, MaxLength = maxLength };

    internal static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    internal static OpenApiSchema OneOf(params string[] names) => new()
    {
        Type = JsonSchemaType.String,
        Enum = names.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };

    internal static OpenApiSchema Matching(string pattern, string description) =>
        new() { Type = JsonSchemaType.String, Pattern = pattern, Description = description };

}
