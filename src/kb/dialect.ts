import type { CreateTableBuilder } from 'kysely';

/** The two stores diplograph speaks to; every difference between them lives in this file. */
export type DialectName = 'sqlite' | 'postgres';

/** An auto-numbered integer primary key named `id`. */
export function serialKey<T extends string>(table: CreateTableBuilder<T, any>, dialect: DialectName): CreateTableBuilder<T, any> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
