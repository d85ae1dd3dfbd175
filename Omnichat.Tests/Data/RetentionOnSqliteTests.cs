using Omnichat.Core.Data;

namespace Omnichat.Tests.Data;

public sealed class RetentionOnSqliteTests() : RetentionTests(DatabaseProvider.Sqlite);
