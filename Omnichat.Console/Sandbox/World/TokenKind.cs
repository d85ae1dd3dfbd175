namespace Omnichat.Console.Sandbox.World;

public enum TokenKind
{
    User,
    Page,
}
