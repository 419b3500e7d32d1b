using Dashboard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddTablero();

var app = builder.Build();
await app.InitializeTableroAsync();
app.MapTablero();
await app.RunAsync();

/// <summary>The entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
