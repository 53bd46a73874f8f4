import { csvPage, matchingName, pageFooter, pageOf, pickerField, resolvePick } from '../../../src/flows/paging';
import { stripVerbatim } from '../../../src/core/verbatim';

const options = Array.from({ length: 120 }, (_, i) => ({ label: `School ${i + 1}`, value: `s${i + 1}` }));

describe('paging', () => {
  it('says what a page shows and offers the next one, never on the last page', () => {
    const more = { label: 'Show more', verb: 'schools.page' };
    const first = pageFooter(pageOf(options, 0), more);
    expect(stripVerbatim(JSON.stringify(first))).toContain('Showing 1–25 of 120.');
    expect(first[1]).toEqual({ type: 'buttons', buttons: [{ ...more, data: { offset: '25' } }] });
    const last = pageFooter(pageOf(options, 100), more);
    expect(stripVerbatim(JSON.stringify(last))).toContain('Showing 101–120 of 120.');
    expect(last).toHaveLength(1);
    expect(pageFooter(pageOf(options.slice(0, 10), 0), more)).toEqual([]);
  });

  it('keeps a page inside the list whatever offset comes back from a button', () => {
    expect(pageOf(options, 9999).offset).toBe(119);
    expect(pageOf(options, -5).offset).toBe(0);
  });

  it('turns a menu of more than 100 choices into a box for part of the name, and resolves what was typed', () => {
    expect(pickerField({ id: 'x', label: 'School', searchLabel: 'Type', options: options.slice(0, 100) }).kind).toBe('choice');
    expect(pickerField({ id: 'x', label: 'School', searchLabel: 'Type', options, value: 's7' })).toMatchObject({
      kind: 'text',
      value: 'School 7',
    });
    expect(resolvePick(options, 's7')).toEqual([options[6]]);
    expect(resolvePick(options, 'school 12')).toEqual([options[11]]);
    expect(resolvePick(options, 'school 11')).toEqual([options[10]]); // an exact name wins
    expect(resolvePick(options, 'chool 11').length).toBe(1 + 10);
    expect(matchingName(options, (o) => o.label, 'nothing')).toEqual([]);
  });

  it('pages a CSV by whole lines under the size budget, repeating the header', () => {
    const csv = ['a,b', ...Array.from({ length: 600 }, (_, i) => `${i},${'x'.repeat(80)}`)].join('\r\n');
    const first = csvPage(csv, 0);
    expect(first.text.length).toBeLessThanOrEqual(8000);
    expect(first.text.startsWith('a,b\n0,')).toBe(true);
    const next = csvPage(csv, first.page.items.length);
    expect(next.text.split('\n')[1]).toBe(`${first.page.items.length},${'x'.repeat(80)}`);
    expect(next.page.total).toBe(600);
  });
});
