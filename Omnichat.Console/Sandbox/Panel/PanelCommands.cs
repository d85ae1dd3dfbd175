using MudBlazor;
using Omnichat.Console.Sandbox.Control;

namespace Omnichat.Console.Sandbox.Panel;

/// <summary>The one place the control panel runs an action and reports it as a snackbar.</summary>
public sealed class PanelCommands(SandboxControl control, ISnackbar snackbar)
{
    public void Run(Func<SandboxControl, ControlOutcome> action) => Report(action(control));

    public async Task RunAsync(Func<SandboxControl, Task<ControlOutcome>> action) => Report(await action(control));

    private void Report(ControlOutcome outcome) =>
        snackbar.Add(outcome.Message, outcome.Succeeded ? Severity.Success : Severity.Error);
}
