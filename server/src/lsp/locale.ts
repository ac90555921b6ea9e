/**
 * Chooses the display language of the server's messages from the initialize request. Owns the rule:
 * `initializationOptions.language` ('zh-cn' | 'en'; 'auto' or anything else defers), else
 * `initializationOptions.locale` or the client's `params.locale`: a tag starting with 'en' gives
 * English, anything else (including nothing) Chinese, the default.
 */
import type { InitializeParams } from 'vscode-languageserver/node';
import type { Locale } from '../core';

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/** 'en…' → 'en', everything else → 'zh-cn'. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag !== undefined && tag.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
}

export function resolveLocale(params: Pick<InitializeParams, 'initializationOptions' | 'locale'>): Locale {
  const options: unknown = params.initializationOptions;
  const language = stringField(options, 'language')?.trim().toLowerCase();
  if (language === 'zh-cn' || language === 'en') return language;
  return localeFromTag(stringField(options, 'locale') ?? params.locale);
}
