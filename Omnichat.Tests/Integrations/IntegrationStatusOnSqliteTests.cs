using Omnichat.Core.Data;

namespace Omnichat.Tests.Integrations;

public sealed class IntegrationStatusOnSqliteTests() : IntegrationStatusServiceTests(DatabaseProvider.Sqlite);
