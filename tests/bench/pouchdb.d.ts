/** The few parts of PouchDB 9 and express-pouchdb 4 that the peer benchmark uses (no @types). */
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
  }
  export interface PouchDatabase {
    bulkDocs(docs: PouchDoc[]): Promise<{ ok?: boolean; error?: string }[]>;
    allDocs(options: {
      include_docs: boolean;
    }): Promise<{ rows: { id: string; doc?: PouchDoc }[] }>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
    replicate: {
      from(
        source: string,
        options?: { batch_size?: number; batches_limit?: number },
      ): Promise<ReplicationResult>;
    };
  }
  export interface PouchStatic {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: { adapter?: string }): PouchStatic;
    version: string;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { Server } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  interface ExpressPouchApp {
    listen(port: number, host: string, ready: () => void): Server;
  }
  function expressPouchDB(
    pouch: PouchStatic,
    options?: {
      mode?: 'minimumForPouchDB' | 'fullCouchDB';
      inMemoryConfig?: boolean;
      logPath?: string;
    },
  ): ExpressPouchApp;
  export default expressPouchDB;
}
