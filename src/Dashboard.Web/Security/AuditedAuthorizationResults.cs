using Dashboard.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dashboard.Web.Security;

/// <summary>Writes every refused request of a signed-in caller to the audit log, then answers as ASP.NET Core does.</summary>
public sealed class AuditedAuthorizationResults(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(context.User, AuditAction.AuthorizationFailed, null, AuditOutcome.Denied,
                $"{context.Request.Method} {context.Request.Path}", context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
