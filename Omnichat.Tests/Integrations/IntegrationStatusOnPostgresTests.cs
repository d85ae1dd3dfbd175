using Omnichat.Core.Data;

namespace Omnichat.Tests.Integrations;

public sealed class IntegrationStatusOnPostgresTests() : IntegrationStatusServiceTests(DatabaseProvider.Postgres);
