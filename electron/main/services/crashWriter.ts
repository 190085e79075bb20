// A child process for the crash-safety test (fileService.crash.test.ts): writes one big file the
// way the app does and is killed somewhere in the middle. Not part of the app.
//   node crashWriter.cjs file <target> <bytes>    writeFileAtomic of <bytes> bytes of "N"
//   node crashWriter.cjs backup <dataFolder> <bytes>   a backup of <bytes> bytes of "N"
import { createBackupService } from './backupService';
import { writeFileAtomic } from './fileService';

const [mode, place, size] = process.argv.slice(2);
const data = new Uint8Array(Buffer.alloc(Number(size), 'N'));
const done = () => process.stdout.write('done\n');
if (mode === 'file') {
  void writeFileAtomic(place!, data).then(done);
} else if (mode === 'backup') {
  const backups = createBackupService({
    dataFolder: place!,
    probe: () => Promise.resolve(2 ** 40),
  });
  void backups.writeBackup('daily', data).then(done);
} else {
  process.exitCode = 2;
}
