// Charting library choice for `genesis report`: inlined size and time to first paint of the same charts in headless Chromium.
// Run: node bench/report-charts.mjs [runs]   (needs /usr/bin/chromium; writes nothing but temp files)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const runs = Number(process.argv[2] ?? 7);
const nm = new URL('../node_modules/', import.meta.url);
const read = (p) => readFileSync(new URL(p, nm), 'utf8');

// The same three charts a report shows: 77 intents observed vs target, a 77×77 confusion matrix, 16 small multiples of 720 points.
const seeded = (s) => () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
const rnd = seeded(7);
const intents = Array.from({ length: 77 }, (_, i) => `intent_${i}`);
const bars = intents.map((k) => ({ k, observed: 10 + Math.round(rnd() * 6), target: 13 }));
const cells = [];
for (let i = 0; i < 77; i++) for (let j = 0; j < 77; j++) cells.push([i, j, i === j ? 3 : rnd() < 0.05 ? 1 : 0]);
const series = Array.from({ length: 16 }, (_, t) => Array.from({ length: 720 }, (_, h) => Math.sin((h / 24) * 2 * Math.PI + t) * 10 + rnd() * 3 + 20));
const data = JSON.stringify({ intents, bars, cells, series });

const echartsPage = (lib) => `<!doctype html><meta charset="utf-8"><body><div id="a" style="width:900px;height:300px"></div><div id="b" style="width:600px;height:600px"></div><div id="c"></div>
<script>${lib}</script><script>const D=${data};
const t0=performance.now();
echarts.init(document.getElementById('a')).setOption({animation:false,tooltip:{},legend:{},xAxis:{type:'category',data:D.intents},yAxis:{},series:[{type:'bar',name:'observed',data:D.bars.map(b=>b.observed)},{type:'line',name:'target',data:D.bars.map(b=>b.target)}]});
echarts.init(document.getElementById('b')).setOption({animation:false,tooltip:{},xAxis:{type:'category',data:D.intents},yAxis:{type:'category',data:D.intents},visualMap:{min:0,max:3,show:false},series:[{type:'heatmap',data:D.cells}]});
const c=document.getElementById('c');
D.series.forEach((s,i)=>{const el=document.createElement('div');el.style.cssText='width:220px;height:120px;display:inline-block';c.appendChild(el);echarts.init(el).setOption({animation:false,grid:{left:30,right:5,top:5,bottom:20},xAxis:{type:'category',show:false},yAxis:{},series:[{type:'line',showSymbol:false,data:s}]});});
requestAnimationFrame(()=>requestAnimationFrame(()=>{window.__done=performance.now();window.__script=performance.now()-t0;}));
</script>`;

const plotPage = () => `<!doctype html><meta charset="utf-8"><body><div id="a"></div><div id="b"></div><div id="c"></div>
<script>${read('d3/dist/d3.min.js')}</script><script>${read('@observablehq/plot/dist/plot.umd.min.js')}</script><script>const D=${data};
const t0=performance.now();
document.getElementById('a').append(Plot.plot({width:900,height:300,x:{domain:D.intents,tickRotate:-90},marks:[Plot.barY(D.bars,{x:'k',y:'observed',tip:true}),Plot.lineY(D.bars,{x:'k',y:'target',stroke:'red'})]}));
document.getElementById('b').append(Plot.plot({width:600,height:600,x:{domain:D.intents,axis:null},y:{domain:D.intents,axis:null},color:{scheme:'blues'},marks:[Plot.cell(D.cells,{x:d=>D.intents[d[0]],y:d=>D.intents[d[1]],fill:d=>d[2],tip:true})]}));
const c=document.getElementById('c');
D.series.forEach((s)=>{c.append(Plot.plot({width:220,height:120,marks:[Plot.lineY(s)]}));});
requestAnimationFrame(()=>requestAnimationFrame(()=>{window.__done=performance.now();window.__script=performance.now()-t0;}));
</script>`;

const pages = {
  'echarts (full, echarts.min.js)': echartsPage(read('echarts/dist/echarts.min.js')),
  'echarts (common build, echarts.common.min.js)': echartsPage(read('echarts/dist/echarts.common.min.js')),
  '@observablehq/plot + d3 (UMD)': plotPage(),
};

const dir = mkdtempSync(join(tmpdir(), 'genesis-chartbench-'));
const browser = await chromium.launch({ executablePath: process.env.GENESIS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| library | inlined page bytes | first paint ms (median of ${runs}) | all charts drawn ms (median) | chart script ms (median) | console errors |`);
console.log('|---|---|---|---|---|---|');
for (const [name, html] of Object.entries(pages)) {
  const file = join(dir, name.replace(/\W+/g, '_') + '.html');
  writeFileSync(file, html);
  const fp = [], done = [], script = [];
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error') errors++; });
    page.on('pageerror', () => errors++);
    await page.goto('file://' + file);
    await page.waitForFunction(() => window.__done, null, { timeout: 60000 });
    const r = await page.evaluate(() => ({ fp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN, done: window.__done, script: window.__script }));
    fp.push(r.fp); done.push(r.done); script.push(r.script);
    await page.close();
  }
  console.log(`| ${name} | ${Buffer.byteLength(html)} | ${median(fp).toFixed(0)} | ${median(done).toFixed(0)} | ${median(script).toFixed(0)} | ${errors} |`);
}
await browser.close();
