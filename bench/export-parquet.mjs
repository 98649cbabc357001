// Export benchmarks. Part `writers`: the Parquet writer candidates for export/huggingface, parquet-wasm (+ apache-arrow)
// against hyparquet-writer, on write time, file size and peak memory for N offline conversations, each writer in its
// own process, each file read back by both readers (hyparquet, parquet-wasm) to check turns arrive as a list of structs.
// Part `command`: `genesis export` end to end on a registered dataset of N conversations (Parquet and JSONL), against
// `genesis datasets` on the same state (the cost of starting genesis and opening the registry).
// Usage: npm run build && node bench/export-parquet.mjs [--count 100000] [--repeat 3] [--part writers,command]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const count = Number(arg('count', '100000'));
const repeat = Number(arg('repeat', '3'));
const parts = arg('part', 'writers,command').split(',');
const work = mkdtempSync(join(tmpdir(), 'genesis-parquet-bench-'));
const jsonl = join(work, 'conversations.jsonl');

if (parts.includes('writers')) writers();
if (parts.includes('command')) command();

function writers() {
  // The dataset: the offline generator's own records (seed 42, en/es 50/50), as genesis run would write them.
  execFileSync(process.execPath, ['--input-type=module', '-e', `
    const {planConversation}=await import('${root}/dist/steps/generate-conversations/plan.js');
    const {generateConversation}=await import('${root}/dist/providers/offline/conversations/index.js');
    const {createRng}=await import('${root}/dist/util/rng.js');
    const {openSync,writeSync,closeSync}=await import('node:fs');
    const p={count:${count},intents:'all',languages:{en:.5,es:.5},sentiment:{positive:.3,neutral:.5,negative:.2},complexity:{simple:.3,medium:.5,complex:.2},turns:{min:2,max:8},noise:.1,provider:'default',batch_size:5,few_shot:2};
    const fd=openSync('${jsonl}','w');let buf='';
    for(let i=0;i<${count};i++){buf+=JSON.stringify(generateConversation(planConversation(p,42,i),createRng(42,'c',i)))+'\\n';if(buf.length>1<<20){writeSync(fd,buf);buf=''}}
    writeSync(fd,buf);closeSync(fd);`]);

  // Shared by both writers: import the library and read the JSONL (not timed), then build the columns and write (timed).
  const READ = `
    const {readFileSync,writeFileSync}=await import('node:fs');
    const rows=readFileSync(process.argv[1],'utf8').split('\\n').filter(Boolean).map((l)=>JSON.parse(l));
    const STR=['conversation_id','intent','category','sentiment','complexity','emotion_arc','language','resolution_status'];
    const metaKeys=[...new Set(rows.flatMap((r)=>Object.keys(r.meta??{})))].sort();
    global.gc?.();const base=process.memoryUsage().rss;const t0=performance.now();`;
  const DONE = `const ms=performance.now()-t0;console.log(JSON.stringify({ms,peakMb:process.resourceUsage().maxRSS/1024,baseMb:base/2**20}));`;

  const WRITERS = {
    'hyparquet-writer': [`const {parquetWriteBuffer}=await import('hyparquet-writer');`, `
      const s=(name)=>({name,type:'BYTE_ARRAY',converted_type:'UTF8',repetition_type:'REQUIRED'});
      const schema=[{name:'root',num_children:STR.length+3},...STR.map(s),{name:'turn_count',type:'INT32',repetition_type:'REQUIRED'},
        {name:'turns',repetition_type:'REQUIRED',converted_type:'LIST',num_children:1},{name:'list',repetition_type:'REPEATED',num_children:1},
        {name:'element',repetition_type:'REQUIRED',num_children:2},s('speaker'),s('text'),
        {name:'meta',repetition_type:'OPTIONAL',num_children:metaKeys.length},...metaKeys.map((k)=>({...s(k),repetition_type:'OPTIONAL'}))];
      const columnData=[...STR.map((n)=>({name:n,data:rows.map((r)=>r[n])})),{name:'turn_count',data:rows.map((r)=>r.turn_count)},
        {name:'turns',data:rows.map((r)=>r.turns)},{name:'meta',data:rows.map((r)=>r.meta??null)}];
      const buf=parquetWriteBuffer({columnData,schema});
      writeFileSync(process.argv[2],new Uint8Array(buf));`],
    'parquet-wasm': [`const arrow=await import('apache-arrow');const pw=await import('parquet-wasm');`, `
      const {Utf8,Int32,List,Struct,Field,vectorFromArray,Table,tableToIPC}=arrow;
      const turnT=new Struct([new Field('speaker',new Utf8(),false),new Field('text',new Utf8(),false)]);
      const metaT=new Struct(metaKeys.map((k)=>new Field(k,new Utf8(),true)));
      const cols={};for(const n of STR)cols[n]=vectorFromArray(rows.map((r)=>r[n]),new Utf8());
      cols.turn_count=vectorFromArray(rows.map((r)=>r.turn_count),new Int32());
      cols.turns=vectorFromArray(rows.map((r)=>r.turns),new List(new Field('element',turnT,false)));
      cols.meta=vectorFromArray(rows.map((r)=>r.meta??null),metaT);
      const table=new Table(cols);
      const props=new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
      const out=pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table,'stream')),props);
      writeFileSync(process.argv[2],out);`],
  };

  // Each file through both readers: row count, turns of row 0 as objects, and the Parquet logical type of turns.
  const CHECK = `
    const {readFileSync}=await import('node:fs');
    const bytes=readFileSync(process.argv[1]);const ab=bytes.buffer.slice(bytes.byteOffset,bytes.byteOffset+bytes.byteLength);
    const {parquetMetadata,parquetReadObjects,parquetSchema}=await import('hyparquet');
    const md=parquetMetadata(ab);const turns=parquetSchema(md).children.find((c)=>c.element.name==='turns');
    const first=(await parquetReadObjects({file:ab,rowStart:0,rowEnd:1}))[0];
    const pw=await import('parquet-wasm');const arrow=await import('apache-arrow');
    const t=arrow.tableFromIPC(pw.readParquet(bytes).intoIPCStream());
    console.log(JSON.stringify({rows:Number(md.num_rows),turnsType:turns.element.converted_type+'<'+turns.children[0].children[0].children.map((c)=>c.element.name).join(',')+'>',
      hyparquetTurn0:typeof first.turns[0],hyparquetSpeaker:first.turns[0].speaker,arrowType:String(t.schema.fields.find((f)=>f.name==='turns').type),arrowRows:t.numRows,
      arrowSpeaker:t.getChild('turns').get(0).get(0).speaker}));`;

  function node(code, args) {
    return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
}

const results = [];
for (const [name, [imports, code]] of Object.entries(WRITERS)) {
  const out = join(work, `${name}.parquet`);
  const runs = [];
  for (let i = 0; i < repeat; i++) runs.push(node(imports + READ + code + DONE, [jsonl, out]));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const check = node(CHECK, [out]);
  results.push({
    writer: name,
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]),
    minMs: Math.round(ms[0]),
    sizeMb: +(statSync(out).size / 2 ** 20).toFixed(2),
    peakMb: Math.round(Math.max(...runs.map((r) => r.peakMb))),
    baseMb: Math.round(runs[0].baseMb),
    ...check,
  });
  console.error(JSON.stringify(results.at(-1)));
}
const jsonlMb = +(statSync(jsonl).size / 2 ** 20).toFixed(2);
const fast = Math.min(...results.map((r) => r.medianMs));
console.log(`count ${count}, jsonl ${jsonlMb} MB, ${repeat} runs each, node ${process.version}`);
console.log('| writer | write (median of runs) | vs fastest | file | peak RSS (rows in memory before: base) | turns as read by hyparquet / parquet-wasm |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.writer} | ${r.medianMs} ms (min ${r.minMs}) | ${(r.medianMs / fast).toFixed(2)}× | ${r.sizeMb} MB | ${r.peakMb} MB (base ${r.baseMb} MB) | ${r.turnsType}, row 0 turn ${r.hyparquetTurn0} speaker=${r.hyparquetSpeaker} / ${r.arrowType}, ${r.arrowRows} rows |`);
}
}
rmSync(work, { recursive: true, force: true });

function command() {
  mkdirSync(join(work, 'cmd'));
  const bin = join(root, 'bin/genesis.js');
  writeFileSync(join(work, 'cmd', 'p.yaml'), `name: b\nseed: 42\nsteps:\n  gen: { uses: generate/conversations, with: { count: ${count}, languages: { en: 0.5, es: 0.5 } } }\n  register: { uses: register/dataset, needs: [gen], with: { name: bench } }\n`);
  const run = spawnSync(process.execPath, [bin, 'run', join(work, 'cmd', 'p.yaml'), '-q'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);

  function timed(args) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...args], { encoding: 'utf8', cwd: join(work, 'cmd') });
    if (r.status !== 0) throw new Error(r.stderr);
    const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { wall, rssMb: rssKb / 1024 };
  }
  const size = (dir) => readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f))).filter((s) => s.isFile()).reduce((a, s) => a + s.size, 0);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  const rows = [];
  for (const [label, args] of [
    ['genesis datasets', ['datasets', '--state-dir', join(work, 'cmd', '.genesis')]],
    ['genesis export (parquet)', ['export', 'bench', '--to', join(work, 'cmd', 'hf-parquet'), '--state-dir', join(work, 'cmd', '.genesis')]],
    ['genesis export --format jsonl', ['export', 'bench', '--to', join(work, 'cmd', 'hf-jsonl'), '--state-dir', join(work, 'cmd', '.genesis'), '--format', 'jsonl']],
  ]) {
    const runs = Array.from({ length: repeat }, () => timed(args));
    const out = args.includes('--to') ? args[args.indexOf('--to') + 1] : undefined;
    rows.push({ label, wall: median(runs.map((r) => r.wall)), rssMb: Math.round(Math.max(...runs.map((r) => r.rssMb))), mb: out ? +(size(out) / 2 ** 20).toFixed(1) : undefined });
    console.error(JSON.stringify(rows.at(-1)));
  }
  const jsonlMb = +(size(join(work, 'cmd', 'out/b/gen')) / 2 ** 20).toFixed(1);
  console.log(`${count} conversations (registered JSONL + generation.json: ${jsonlMb} MB), ${repeat} runs each, node ${process.version}`);
  console.log('| command | wall, median | peak RSS | written (default + per-language files + card) |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.label} | ${r.wall.toFixed(2)} s | ${r.rssMb} MB | ${r.mb === undefined ? '—' : `${r.mb} MB`} |`);
}
