using System.Text;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// What a page's prerender hands to its circuit comes back in the circuit's first SignalR message, encrypted and in
/// base64. A message over the hub's limit closes the circuit: the page is then dead in the browser.
/// </summary>
public sealed class PrerenderedStateTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    [Fact]
    public void LargestStateAPageHandsOver_FitsTheCircuitsFirstMessage()
    {
        // Blazor's own hub, whose options the app sets (its type is internal to the framework).
        var hub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub));
        var options = (HubOptions)optionsType.GetProperty("Value")!.GetValue(factory.Services.GetRequiredService(optionsType))!;
        // The budget of JSON, protected as the state is (the purpose does not change the size), in base64, with room
        // for the message's own fields and other components' state.
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Tablero.Tests.PrerenderedState");
        var state = Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(new string('x', PrerenderedReads.BudgetBytes))));

        Assert.True(state.Length + 16 * 1024 <= options.MaximumReceiveMessageSize,
            $"{state.Length} characters of state against a limit of {options.MaximumReceiveMessageSize} bytes");
    }
}
