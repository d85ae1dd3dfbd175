using Microsoft.Extensions.Options;

namespace Omnichat.Core.Security;

internal sealed class KeyEncryptionOptionsValidator : IValidateOptions<KeyEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyEncryptionOptions options)
    {
        if (!options.IsConfigured)
        {
            return string.IsNullOrEmpty(options.CertificatePassword)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("DataProtection:CertificatePassword is set without DataProtection:CertificatePath.");
        }
        var (certificate, problem) = KeyEncryptionCertificate.TryLoad(options);
        certificate?.Dispose();
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
