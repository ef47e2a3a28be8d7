#!/usr/bin/env node
// Runs the TypeScript CLI on Node 20 without a build step: tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv.slice(2));
