import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type PickOptions = {
  /** Text typed into the select's search box first. */
  search?: string;
  /** A multiple select stays open after a pick; a single one must close before the next picker. */
  multiple?: boolean;
};

/**
 * Picks an option of an antd Select or TreeSelect by its form id and waits until the select shows
 * it as chosen. On a starved machine a click can land while the dropdown is still sliding in or
 * re-rendering its filtered list, and be lost; the pick is repeated until the choice is visible,
 * so the journey waits for the lasting state, never for a fixed time.
 */
export async function pick(
  page: Page,
  id: string,
  option: string | RegExp,
  opts: PickOptions = {},
): Promise<void> {
  const input = page.locator(`#${id}`);
  const select = page.locator('.ant-select', { has: input });
  const chosen = select
    .locator('.ant-select-content-has-value, .ant-select-selection-item')
    .filter({ hasText: option });
  const open = page.locator('.ant-select-dropdown:visible');
  const candidate = open
    .locator('.ant-select-item-option, .ant-select-tree-treenode')
    .filter({ hasText: option })
    .first();
  await expect
    .poll(
      async () => {
        if ((await chosen.count()) > 0) return true;
        if ((await open.count()) === 0) await input.click();
        if (opts.search !== undefined && (await input.inputValue()) !== opts.search) {
          await input.fill(opts.search);
        }
        await candidate.click({ timeout: 10_000 }).catch(() => undefined);
        return (await chosen.count()) > 0;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  // The next picker must not find this one's closing dropdown.
  if (!opts.multiple) await expect.poll(() => open.count()).toBe(0);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An option label that starts with this text (a unit's name before its parent's, say). */
export function startingWith(text: string): RegExp {
  return new RegExp(`^${escaped(text)}`);
}

/** An option label that is exactly this text. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escaped(text)}$`);
}
