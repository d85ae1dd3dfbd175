using Omnichat.Core.Data;

namespace Omnichat.Tests.Data;

public sealed class RetentionOnPostgresTests() : RetentionTests(DatabaseProvider.Postgres);
