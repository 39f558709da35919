/**
 * A phone number or name as shown outside the dispatching site and planners: phone `138****5678`, name `张*`.
 * @example
 * ```ts
 * maskContact('13812345678', 'phone'); // '138****5678'
 * maskContact('张三丰', 'name');        // '张**'
 * ```
 */
export function maskContact(value: string | null, what: 'phone' | 'name'): string | null {
  if (value === null) return null;
  const chars = [...value];
  if (what === 'phone') return chars.length <= 7 ? '*'.repeat(chars.length) : `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
