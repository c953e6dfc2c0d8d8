/**
 * A background job's command as bash prints it in `[1]+  Done …` and `jobs`: rebuilt from the
 * syntax tree (bash's make_command_string), so `sleep 1&` shows as `sleep 1` and `(exit 3)` as
 * `( exit 3 )`. Compound commands other than groups and subshells print on one line.
 */
import type { AndOr, Command, List, Pipeline, Redirect } from '../ast';

function redirectText(r: Redirect): string {
  return `${r.fd ?? ''}${r.op} ${r.target.raw}`;
}

function listText(l: List): string {
  return l.items.map((i) => andOrText(i.andor) + (i.background ? ' &' : '')).join('; ');
}

function commandText(c: Command): string {
  if (c.type === 'simple') {
    const parts = [
      ...c.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value.raw}`),
      ...c.words.map((w) => w.raw),
      ...c.redirects.map(redirectText),
    ];
    return c.dbracket ? `[[ ${parts.slice(1).join(' ')} ]]` : parts.join(' ');
  }
  if (c.type === 'function') return `${c.name} () ${commandText(c.body)}`;
  const b = c.body;
  const tail = c.redirects.map((r) => ' ' + redirectText(r)).join('');
  switch (b.type) {
    case 'group':
      return `{ ${listText(b.body)}; }${tail}`;
    case 'subshell':
      return `( ${listText(b.body)} )${tail}`;
    case 'if':
      return `if ${b.branches.map((x) => `${listText(x.cond)}; then ${listText(x.body)}`).join('; elif ')}${b.elseBody ? `; else ${listText(b.elseBody)}` : ''}; fi${tail}`;
    case 'while':
    case 'until':
      return `${b.type} ${listText(b.cond)}; do ${listText(b.body)}; done${tail}`;
    case 'for':
      return `for ${b.name}${b.words ? ` in ${b.words.map((w) => w.raw).join(' ')}` : ''}; do ${listText(b.body)}; done${tail}`;
    case 'arithfor':
      return `for (( ${b.init.raw}; ${b.cond.raw}; ${b.step.raw} )); do ${listText(b.body)}; done${tail}`;
    case 'case':
      return `case ${b.word.raw} in ... esac${tail}`;
    case 'arith':
      return `(( ${b.expr.raw} ))${tail}`;
  }
}

function pipelineText(p: Pipeline): string {
  return (p.negated ? '! ' : '') + p.commands.map(commandText).join(' | ');
}

export function andOrText(ao: AndOr): string {
  return [pipelineText(ao.first), ...ao.rest.map((r) => `${r.op} ${pipelineText(r.pipeline)}`)].join(' ');
}
