using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Security;

public static class DataProtectionRegistration
{
    public const string ApplicationName = "Omnichat.Console";

    /// <summary>
    /// Keys live in the database, so a restart (or a second instance) can still read stored tokens; with
    /// <c>DataProtection:CertificatePath</c> they are encrypted there with that certificate.
    /// </summary>
    public static IHostApplicationBuilder AddOmnichatDataProtection(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<KeyEncryptionOptions>(KeyEncryptionOptions.SectionName);
        services.AddSingleton<IValidateOptions<KeyEncryptionOptions>, KeyEncryptionOptionsValidator>();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<OmnichatDbContext>();

        // The certificate is needed while services are registered; a broken one is reported by the validator instead.
        var options = builder.Configuration.GetSection(KeyEncryptionOptions.SectionName).Get<KeyEncryptionOptions>() ?? new();
        var encrypted = false;
        if (options.IsConfigured && KeyEncryptionCertificate.TryLoad(options).Certificate is { } certificate)
        {
            // On Linux there is no machine certificate store to find the decrypting key in: name it explicitly.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            encrypted = true;
        }
        var mode = DeploymentMode.From(builder.Configuration, builder.Environment);
        services.AddSingleton(new KeyEncryptionStatus(encrypted, Required: !mode.IsDevelopment));
        return builder;
    }
}
