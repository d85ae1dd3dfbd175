using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Endpoints;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Security;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>With DataProtection:CertificatePath the keys in the database are encrypted: the database alone reads no token.</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Token = "EAAGm0PX4ZCpsBAKeyEncryptionTestTokenThatMustStayUnreadable1234";
    private const string CertificatePassword = "test-certificate-password";
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-keys-").FullName;

    [Fact]
    public async Task CopiedDatabase_KeysEncryptedWithCertificate_DecryptsNothingWithoutIt()
    {
        var certificatePath = WriteCertificate();
        string protectedToken;
        string databaseCopy = Path.Combine(folder, "copy.db");
        await using (var server = await ConsoleServer.StartAsync(s => s
            .With("DataProtection:CertificatePath", certificatePath)
            .With("DataProtection:CertificatePassword", CertificatePassword)))
        {
            protectedToken = server.Services.GetRequiredService<TokenProtector>().Protect(Token);
            using var client = server.CreateHttpClient();
            using var health = JsonDocument.Parse(await client.GetStringAsync(HealthEndpoints.Path));
            health.RootElement.GetProperty("dataProtectionKeys").GetString().ShouldBe("encrypted");
            health.RootElement.GetProperty("warnings").GetArrayLength().ShouldBe(0);
            CopyDatabase(server, databaseCopy);
        }

        // What a thief with the database file sees: the key element is an encrypted blob, and it opens nothing.
        await using (var db = Open(databaseCopy))
        {
            var keyXml = (await db.DataProtectionKeys.SingleAsync()).Xml!;
            keyXml.ShouldContain("encryptedSecret");
            keyXml.ShouldNotContain("<masterKey");
        }
        Should.Throw<CryptographicException>(() => ProtectorOver(databaseCopy, certificate: null).Unprotect(protectedToken));

        // The operator with the certificate still reads it, on another instance too.
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, CertificatePassword);
        ProtectorOver(databaseCopy, certificate).Unprotect(protectedToken).ShouldBe(Token);
    }

    [Fact]
    public async Task CopiedDatabase_NoCertificate_IsEnoughToReadTheTokens()
    {
        // The risk the warning names, shown rather than assumed.
        string protectedToken;
        string databaseCopy = Path.Combine(folder, "plain.db");
        await using (var server = await ConsoleServer.StartAsync())
        {
            protectedToken = server.Services.GetRequiredService<TokenProtector>().Protect(Token);
            CopyDatabase(server, databaseCopy);
        }

        ProtectorOver(databaseCopy, certificate: null).Unprotect(protectedToken).ShouldBe(Token);
    }

    [Fact]
    public async Task Start_CertificateWithWrongPassword_IsAConfigurationProblem()
    {
        var certificatePath = WriteCertificate();
        var exception = await Should.ThrowAsync<Exception>(() => ConsoleServer.StartAsync(s => s
            .With("DataProtection:CertificatePath", certificatePath)
            .With("DataProtection:CertificatePassword", "wrong")));

        exception.ToString().ShouldContain("DataProtection:CertificatePath");
    }

    private string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Omnichat key encryption (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    /// <summary>A consistent copy of the live database, write-ahead log included, as a backup would take it.</summary>
    private static void CopyDatabase(ConsoleServer server, string target)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.ExecuteNonQuery();
    }

    private static OmnichatDbContext Open(string path) => OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, $"Data Source={path}");

    /// <summary>Token decryption as another process would set it up over that database file.</summary>
    private static TokenProtector ProtectorOver(string databasePath, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        services.AddOmnichatDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}");
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(DataProtectionRegistration.ApplicationName)
            .PersistKeysToDbContext<OmnichatDbContext>()
            .DisableAutomaticKeyGeneration();
        if (certificate is not null)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(certificate);
        }
        var provider = services.BuildServiceProvider();
        return new TokenProtector(provider.GetRequiredService<IDataProtectionProvider>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }
}
