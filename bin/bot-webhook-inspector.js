#!/usr/bin/env node
// The CLI: builds on first use, then runs the compiled entry.
import { ensureBuilt } from '../scripts/ensure-built.js';

ensureBuilt();
await import('../out/main/cli.js');
