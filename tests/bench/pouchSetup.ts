/** PouchDB 9 as the peer benchmark uses it: core with the memory, http and replication plugins. */
import PouchDB, { type PouchDoc } from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { benchTables, type BenchDataSet } from './benchData';
import { versionOf } from './benchEnvironment';

export const Pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);
/** For the server side only: with this default, a URL would be taken as a memory database too. */
export const MemoryPouch = Pouch.defaults({ adapter: 'memory' });

export const pouchVersions = (): string =>
  `PouchDB ${versionOf('pouchdb-core')} (pouchdb-core + adapter-memory + adapter-http + replication), express-pouchdb ${versionOf('express-pouchdb')} on Express ${versionOf('express')}`;

/** Documents are the records with `_id` = `table/id`, the key our client uses for shadows. */
export function pouchDocs(data: BenchDataSet): PouchDoc[] {
  return benchTables.flatMap((table) =>
    data.byTable[table].map((record) => ({ ...record, _id: `${table}/${record.id}` })),
  );
}
