/**
 * V8 settings for a long-running server, set before anything else runs (main.ts imports this
 * module first).
 *
 * No allocation-site pretenuring. V8 watches which allocation sites make objects that outlive
 * young-generation collections and then allocates everything from those sites straight into the
 * old generation. A gateway's short requests are built by the same code (node's HTTP/2 streams,
 * their header objects and listeners) as its long-lived push queries and insert streams, so once
 * those had run, every pull request went to the old generation, which then had to be marked and
 * swept over and over. Pull by key after S1-S3 of `npm run bench` (2-core EPYC, h2load 4×16,
 * 3 × 60 000 requests; bench/README.md, "V8 flags"): collections took 9-17 % of the time, the old
 * generation grew by about 2 KB per request, and the gateway spent 99-149 µs of CPU per request;
 * without pretenuring, 2 % and 80-110 µs.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--no-allocation-site-pretenuring');
