using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Dashboard.Core.Access;
using Dashboard.Core.Cases;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Architecture;

/// <summary>
/// The single write path is a type, not a convention: outside the data layer, only the case-event service calls the
/// event appender, and only the retention job calls the personal-data purge. Read from the compiled code itself.
/// </summary>
public sealed class WritePathTests(TableroFactory factory) : IClassFixture<TableroFactory>
{
    private static readonly Dictionary<Type, Type[]> SanctionedWriters = new()
    {
        [typeof(ICaseEventAppender)] = [typeof(CaseEventService)],
        [typeof(IPersonalDataPurge)] = [typeof(RetentionJob)],
    };

    private static readonly Assembly[] OutsideTheDataLayer =
        [typeof(CaseEventService).Assembly, typeof(Program).Assembly, typeof(Simulator.CaseSimulator).Assembly];

    [Fact]
    public void WriteMethods_AreCalledOnlyByTheirSanctionedWriter()
    {
        var offenders = (
            from assembly in OutsideTheDataLayer
            from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            from called in CalledMethods(method)
            let writer = SanctionedWriters.Keys.FirstOrDefault(w => w.IsAssignableFrom(called.DeclaringType))
            where writer is not null && !SanctionedWriters[writer].Contains(Outermost(type))
            select $"{Outermost(type).FullName}.{method.Name} calls {called.DeclaringType!.Name}.{called.Name}").Distinct().ToArray();

        Assert.True(offenders.Length == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void TheScan_SeesTheSanctionedWritersCalls()
    {
        // Without this, a scan that found no calls at all would pass the test above.
        var seen = OutsideTheDataLayer.SelectMany(a => a.GetTypes())
            .Where(t => SanctionedWriters.Values.Any(writers => writers.Contains(Outermost(t))))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(CalledMethods)
            .Select(m => m.DeclaringType)
            .ToHashSet();

        Assert.All(SanctionedWriters.Keys, writer => Assert.Contains(seen, t => t is not null && writer.IsAssignableFrom(t)));
    }

    [Fact]
    public void TheHost_HandsOutNoAppender()
    {
        Assert.Null(factory.Services.GetService<ICaseEventAppender>());
        Assert.NotNull(factory.Services.GetService<CaseEventService>());
    }

    /// <summary>A lambda's or an async method's body is compiled into a nested type: it belongs to the type that wrote it.</summary>
    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer && (type.IsDefined(typeof(CompilerGeneratedAttribute)) || type.Name.StartsWith('<')))
        {
            type = outer;
        }

        return type;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every method a method body calls, creates or takes the address of, read from its IL.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                yield break; // not an instruction boundary we understand: stop rather than guess
            }

            if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i),
                        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (ArgumentException)
                {
                    // a generic context this scan does not reconstruct
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
