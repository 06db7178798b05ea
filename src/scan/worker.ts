// A scan worker (worker_threads): analyses batches of files with its own workspace index and
// streams one message per file back. Bundled as dist/worker.js; started by pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { WorkspaceIndex } from '../core';
import { loadCatalogText } from './catalogFile';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pool';
import { analyseOutcome } from './pool';

const init = workerData as WorkerInit;
const catalog = init.catalog ? loadCatalogText(init.catalog.text, init.catalog.path) : undefined;
const options = { sanitizers: init.sanitizers, loggerNames: init.loggerNames, today: init.today, catalog: catalog?.engine, pathMapping: init.pathMapping };

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type !== 'batch') return;
  // One index per batch: a batch is a set of files closed under imports, so nothing is missing.
  const index = new WorkspaceIndex(options);
  for (const [file, text] of request.files) index.setFile(file, text);
  for (const file of request.analyse) {
    if (init.crashOnFile === file) process.exit(70); // tests: a worker that dies mid-batch
    const reply: WorkerReply = { type: 'result', batch: request.id, file, outcome: analyseOutcome(index, file) };
    parentPort!.postMessage(reply);
  }
  parentPort!.postMessage({ type: 'done', batch: request.id } satisfies WorkerReply);
});
