#!/usr/bin/env node
// `npm test`: every check, in stages. The steps of a stage do not depend on each other and run side by side
// (type checking and lint are single-threaded, so on a 2-core CI machine one sequence left a core idle for
// minutes); a stage starts only when the one before it passed. Any failure fails the run (exit code 1).
import { spawn } from 'node:child_process';

/**
 * npm scripts of package.json, stage by stage. The journeys need the web build of the stage before; the benchmark
 * page's build is there for CI's bench smoke run after `npm test` (a few seconds beside lint instead of after it).
 */
const STAGES = [
  ['typecheck', 'lint', 'web:build', 'build', 'bench:build'],
  ['test:unit'],
  ['test:e2e'],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`; a step alone in its stage streams its output, parallel steps print theirs when done. */
function runScript(script, { buffered }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: process.platform === 'win32',
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const finish = (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (buffered) {
        process.stdout.write(
          `\n── ${script} (${seconds} s, ${code === 0 ? 'passed' : 'FAILED'}) ──\n`,
        );
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ script, ok: code === 0, seconds });
    };
    child.once('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.once('close', finish);
  });
}

const results = [];
let failed = false;
for (const stage of STAGES) {
  if (stage.length > 1) console.log(`\n▶ ${stage.join(', ')} (side by side)`);
  else console.log(`\n▶ ${stage[0]}`);
  const stageResults = await Promise.all(
    stage.map((script) => runScript(script, { buffered: stage.length > 1 })),
  );
  results.push(...stageResults);
  if (stageResults.some((result) => !result.ok)) {
    failed = true;
    break;
  }
}

console.log('\nnpm test:');
for (const { script, ok, seconds } of results)
  console.log(`  ${ok ? 'passed' : 'FAILED'}  ${script.padEnd(10)} ${seconds} s`);
process.exit(failed ? 1 : 0);
