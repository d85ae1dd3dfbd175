using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Omnichat.Core.Data;

/// <summary>Stores instants as UTC ticks: sortable and comparable in SQL on every provider.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
