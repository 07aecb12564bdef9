// Runs one SQL statement in an in-memory DuckDB and prints its rows as a JSON array of objects
// (values as DuckDB's JSON forms: numbers and decimals as strings where they could lose precision).
// Usage: node query.mjs '<sql>'
import { DuckDBInstance } from '@duckdb/node-api';

const sql = process.argv[2];
if (!sql) {
  console.error('usage: node query.mjs <sql>');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
process.stdout.write(JSON.stringify(reader.getRowObjectsJson()));
