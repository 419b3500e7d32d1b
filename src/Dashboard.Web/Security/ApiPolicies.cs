namespace Dashboard.Web.Security;

public static class ApiPolicies
{
    public const string Ingest = "api:ingest";
    public const string Read = "api:read";
    public const string Admin = "api:admin";
}
