// Renders the pictures of docs/ from the model files, so they always show what the models say:
// - docs/pictures/<model>.svg for every diagram of processes/*.bpmn (a collapsed sub-process has a
//   diagram of its own: <model>.<subProcessId>.svg), drawn by bpmn-js in Debian's Chromium;
// - docs/decisions/<model>.md, each decision table of decisions/*.dmn as a Markdown table.
// Each picture records the SHA-256 of the model it shows; PicturesTest fails when they differ.
// Usage: cd pictures && npm ci && npm run render   (needs /usr/bin/chromium: apt-get install chromium)
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { chromium } = require('playwright-core');
const { DmnModdle } = require('dmn-moddle');

const root = path.resolve(__dirname, '..');
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const stamp = (model) => `<!-- model: ${path.relative(root, model)} sha256: ${sha256(model)} -->`;

async function renderProcesses() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.setContent('<html><body><div id="canvas" style="width:1920px;height:1080px"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
  const out = path.join(root, 'docs', 'pictures');
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort()) {
    const model = path.join(root, 'processes', name);
    const svgs = await page.evaluate(async (xml) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      await viewer.importXML(xml);
      const pictures = [];
      for (const diagram of viewer.getDefinitions().diagrams) {
        await viewer.open(diagram);
        const { svg } = await viewer.saveSVG();
        const element = diagram.plane.bpmnElement;
        pictures.push({ plane: element.$type === 'bpmn:Process' || element.$type === 'bpmn:Collaboration'
          ? null : element.id, svg });
      }
      viewer.destroy();
      return pictures;
    }, fs.readFileSync(model, 'utf8'));
    for (const { plane, svg: drawn } of svgs) {
      // bpmn-js names its arrow-head markers at random; numbered in order, a picture only changes
      // when its model does.
      const ids = new Map();
      const svg = drawn.replace(/marker-[a-z0-9]{10,}/g, (id) => {
        if (!ids.has(id)) {
          ids.set(id, 'marker-' + (ids.size + 1));
        }
        return ids.get(id);
      });
      const file = path.join(out, name.replace(/\.bpmn$/, '') + (plane ? '.' + plane : '') + '.svg');
      fs.writeFileSync(file, svg.replace(/^(<\?xml[^>]*\?>)?/, (header) => header + '\n' + stamp(model) + '\n'));
      console.log('wrote', path.relative(root, file));
    }
  }
  await browser.close();
}

const text = (expression) => (expression && expression.text ? expression.text.trim() : '') || '-';
const cell = (value) => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function renderDecisions() {
  const moddle = new DmnModdle();
  const out = path.join(root, 'docs', 'decisions');
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync(path.join(root, 'decisions')).filter((f) => f.endsWith('.dmn')).sort()) {
    const model = path.join(root, 'decisions', name);
    const { rootElement } = await moddle.fromXML(fs.readFileSync(model, 'utf8'), 'dmn:Definitions');
    const lines = [stamp(model), ''];
    for (const decision of rootElement.drgElement.filter((e) => e.$type === 'dmn:Decision' && e.decisionLogic)) {
      const table = decision.decisionLogic;
      lines.push(`# ${decision.name || decision.id} (\`${decision.id}\`)`, '');
      lines.push(`Hit policy: ${table.hitPolicy || 'UNIQUE'}. Model: [decisions/${name}](../../decisions/${name}).`, '');
      const inputs = table.input.map((input) => `${input.label || text(input.inputExpression)}` +
        ` (\`${text(input.inputExpression)}\`)`);
      const outputs = table.output.map((output) => `${output.label || output.name} (\`${output.name}\`)`);
      lines.push(`| # | ${[...inputs, ...outputs].map(cell).join(' | ')} | why |`);
      lines.push(`|---|${[...inputs, ...outputs].map(() => '---').join('|')}|---|`);
      table.rule.forEach((rule, index) => {
        const values = [...rule.inputEntry, ...rule.outputEntry].map((entry) => cell(text(entry)));
        lines.push(`| ${index + 1} | ${values.join(' | ')} | ${cell(rule.description || '')} |`);
      });
      lines.push('');
    }
    const file = path.join(out, name.replace(/\.dmn$/, '.md'));
    fs.writeFileSync(file, lines.join('\n'));
    console.log('wrote', path.relative(root, file));
  }
}

(async () => {
  await renderProcesses();
  await renderDecisions();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
