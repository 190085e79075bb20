// npm run handoff -- verify [--expect-fingerprint "XXXX XXXX …"] <file.zip>
// Checks a hand-off package with the app's own code (shared/handoff): prints the manifest summary
// and exits 0 for a good package; prints one line naming the problem and exits 1 for a bad one.
// With --expect-fingerprint, a package signed by any other key is bad; without it the summary
// says that the signer was not checked. Everything printed has its control characters written
// out, so that a package cannot rewrite the lines of the terminal it is checked on.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { verifyPackageSource } from '../shared/handoff/package';
import { inTableOrder, tableLabel } from '../shared/handoff/tables';
import { showControlCharacters as shown, type ByteSource } from '../shared/handoff/zipIndex';

/** An instant on this PC's clock, as the county reads it: 2026-11-28 18:00. */
const localTime = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const USAGE =
  '用法：npm run handoff -- verify [--expect-fingerprint "XXXX XXXX …"] <数据交换包.zip>';

/** A fingerprint as typed (any spacing, any case) in the form the app prints, or null. */
function readFingerprint(text: string): string | null {
  const digits = text.replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-F]{32}$/.test(digits) ? (digits.match(/.{4}/g)?.join(' ') ?? null) : null;
}

type Args = { file: string; expected: string | null } | { error: string };

function parseArgs(args: readonly string[]): Args {
  const [command, ...rest] = args;
  if (command !== 'verify') return { error: USAGE };
  let expectedText: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (arg === '--expect-fingerprint') {
      if (rest[i + 1] === undefined) return { error: USAGE };
      expectedText = rest[(i += 1)];
    } else if (arg.startsWith('--expect-fingerprint=')) {
      expectedText = arg.slice('--expect-fingerprint='.length);
    } else if (arg.startsWith('--')) {
      return { error: `不认识的选项 ${shown(arg)}。\n${USAGE}` };
    } else files.push(arg);
  }
  if (files.length !== 1) return { error: USAGE };
  if (expectedText === undefined) return { file: files[0]!, expected: null };
  const expected = readFingerprint(expectedText);
  if (!expected)
    return {
      error: `--expect-fingerprint 应是 32 位十六进制数字（如回执上印的 16 组、每组 4 位），收到的是“${shown(expectedText)}”。`,
    };
  return { file: files[0]!, expected };
}

/**
 * The file read piece by piece as the verifier asks: a package of gigabytes is checked in a few
 * megabytes of memory (each read a new buffer, which the inflater may keep).
 */
function fileSource(fd: number, length: number): ByteSource {
  return {
    length,
    read(offset, size) {
      const out = new Uint8Array(Math.max(0, Math.min(length, offset + size) - offset));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return done === out.length ? out : out.subarray(0, done);
    },
  };
}

function main(args: string[]): number {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  const { file, expected } = parsed;
  const shownFile = shown(file);
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    size = fstatSync(fd).size;
  } catch {
    console.error(`不通过：${shownFile}：文件不存在或无法读取。`);
    return 1;
  }
  if (size > 4 * 1024 ** 3) {
    closeSync(fd);
    console.error(`不通过：${shownFile}：文件太大。`);
    return 1;
  }
  let result: ReturnType<typeof verifyPackageSource>;
  try {
    result = verifyPackageSource(fileSource(fd, size));
  } catch {
    console.error(`不通过：${shownFile}：文件无法读取（读到一半出错）。`);
    return 1;
  } finally {
    closeSync(fd);
  }
  if (!result.ok) {
    console.error(`不通过：${shownFile}：${shown(result.problem)}`);
    return 1;
  }
  if (expected !== null && result.fingerprint !== expected) {
    console.error(
      `不通过：${shownFile}：签名指纹不符：包的签名指纹是 ${result.fingerprint}，应为 ${expected}（--expect-fingerprint），这个包不是那台电脑签的。`,
    );
    return 1;
  }
  const m = result.manifest;
  const lines = [
    `通过：${shownFile}`,
    `乡镇：${m.town.name}`,
    ...(m.feedback
      ? [
          `内容：${m.feedback.county}给该镇的督查反馈清单（${m.feedback.batch}，${m.feedback.items} 个问题），不是乡镇的数据交换包`,
        ]
      : []),
    `时间范围：${m.period.from} 至 ${m.period.to}`,
    `导出时间：${localTime(m.createdAt)}（程序版本 ${m.appVersion}，格式第 ${m.formatVersion} 版）`,
    expected !== null
      ? `签名指纹：${result.fingerprint}（与 --expect-fingerprint 一致）`
      : `签名指纹：${result.fingerprint}`,
    ...(expected !== null
      ? []
      : [
          '签名人：未核对。没有给出 --expect-fingerprint，任何密钥签的包都会通过：这只说明包在签名后没有被改动，不说明是哪台电脑签的。请把上面的指纹与乡镇回执上的核对，或用 --expect-fingerprint "…" 再查一次。',
        ]),
    `记录：${inTableOrder(Object.keys(m.counts))
      .map((table) => {
        const parts = m.parts?.[table];
        return `${tableLabel(table)} ${m.counts[table]}${parts ? `（分 ${parts.length} 段）` : ''}`;
      })
      .join('，')}`,
    `文件：${m.entries.length} 个，共 ${m.entries.reduce((s, e) => s + e.size, 0)} 字节，SHA-256 全部一致`,
    ...(m.history
      ? [`操作记录：导出时共 ${m.history.seq} 条，末条校验值 ${m.history.hash.slice(0, 12)}`]
      : []),
  ];
  // The verifier refuses control characters in the manifest; written out here all the same.
  console.log(lines.map(shown).join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
