using DuckDB.NET.Data;

namespace NewsArchive.Testing;

/// <summary>Runs one SQL query in an in-memory DuckDB, as a user reads the command's output, and returns its rows.</summary>
internal static class DuckDbQuery
{
    public static List<object?[]> Rows(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
