import { parseSync } from 'rolldown/utils'
import { readFileSync } from 'node:fs'
const code = readFileSync(process.argv[2], 'utf8')
const { program } = parseSync('x.js', code)
const strings = []
const walk = (n) => { if (!n || typeof n !== 'object') return; if (Array.isArray(n)) return n.forEach(walk)
  if ((n.type === 'Literal' && typeof n.value === 'string') ) strings.push(n.value)
  if (n.type === 'TemplateElement') strings.push(n.value.raw)
  for (const k in n) if (k !== 'parent') walk(n[k]) }
walk(program)
const total = strings.reduce((s, x) => s + x.length, 0)
console.log('strings', strings.length, 'chars', total, 'of', code.length)
const long = strings.filter(s => s.length >= Number(process.argv[3] ?? 25)).sort((a, b) => b.length - a.length)
console.log('long', long.length, long.reduce((s, x) => s + x.length, 0))
for (const s of long.slice(0, Number(process.argv[4] ?? 200))) console.log(s.length, JSON.stringify(s))
