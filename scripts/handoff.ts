// npm run handoff -- verify <file.zip>
// Checks a hand-off package with the app's own code (shared/handoff): prints the manifest summary
// and exits 0 for a good package; prints one line naming the problem and exits 1 for a bad one.
import { readFileSync, statSync } from 'node:fs';
import { verifyPackage } from '../shared/handoff/package';
import { inTableOrder, tableLabel } from '../shared/handoff/tables';

/** An instant on this PC's clock, as the county reads it: 2026-11-28 18:00. */
const localTime = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const USAGE = '用法：npm run handoff -- verify <数据交换包.zip>';

function main(args: string[]): number {
  const [command, file] = args;
  if (command !== 'verify' || !file) {
    console.error(USAGE);
    return 2;
  }
  let data: Uint8Array;
  try {
    if (statSync(file).size > 4 * 1024 ** 3) {
      console.error(`不通过：${file}：文件太大。`);
      return 1;
    }
    data = readFileSync(file);
  } catch {
    console.error(`不通过：${file}：文件不存在或无法读取。`);
    return 1;
  }
  const result = verifyPackage(data);
  if (!result.ok) {
    console.error(`不通过：${file}：${result.problem}`);
    return 1;
  }
  const m = result.manifest;
  const lines = [
    `通过：${file}`,
    `乡镇：${m.town.name}`,
    `时间范围：${m.period.from} 至 ${m.period.to}`,
    `导出时间：${localTime(m.createdAt)}（程序版本 ${m.appVersion}，格式第 ${m.formatVersion} 版）`,
    `签名指纹：${result.fingerprint}`,
    `记录：${inTableOrder(Object.keys(m.counts))
      .map((table) => `${tableLabel(table)} ${m.counts[table]}`)
      .join('，')}`,
    `文件：${m.entries.length} 个，共 ${m.entries.reduce((s, e) => s + e.size, 0)} 字节，SHA-256 全部一致`,
    ...(m.history
      ? [`操作记录：导出时共 ${m.history.seq} 条，末条校验值 ${m.history.hash.slice(0, 12)}`]
      : []),
  ];
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
