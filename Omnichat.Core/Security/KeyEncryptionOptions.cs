namespace Omnichat.Core.Security;

/// <summary>
/// Section "DataProtection": the certificate that encrypts the Data Protection keys stored in the database. Those keys
/// decrypt every Facebook token; without a certificate a copy of the database alone is enough to read the tokens.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA key pair. Every instance needs the same one.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);
}
