using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Omnichat.Core.Security;

public static class KeyEncryptionCertificate
{
    /// <summary>Loads the configured certificate, or says in words why it cannot be used.</summary>
    public static (X509Certificate2? Certificate, string? Problem) TryLoad(KeyEncryptionOptions options)
    {
        if (!File.Exists(options.CertificatePath))
        {
            return (null, $"DataProtection:CertificatePath '{options.CertificatePath}' does not exist.");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                options.CertificatePath, string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            if (certificate.GetRSAPrivateKey() is null)
            {
                certificate.Dispose();
                return (null, $"DataProtection:CertificatePath '{options.CertificatePath}' has no RSA private key; the keys need one to be decrypted.");
            }
            return (certificate, null);
        }
        catch (CryptographicException ex)
        {
            return (null, $"DataProtection:CertificatePath '{options.CertificatePath}' cannot be read ({ex.Message}); check DataProtection:CertificatePassword.");
        }
    }
}
