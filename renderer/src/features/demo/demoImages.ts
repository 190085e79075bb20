/**
 * Small generated JPEG "site photos" for the 示例数据 (the demo carries photos as an office's
 * data does, so that backups, exports and the benchmark handle them): a field, a sky, a heap or
 * a stream, and the words 示例照片 so that no one takes them for evidence.
 */
export async function demoImages(count = 12): Promise<Uint8Array[]> {
  await document.fonts.load('16px "Noto Sans SC"', '示例照片0123456789');
  const images: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext('2d');
    if (!g) break;
    const hue = (i * 37) % 360;
    const sky = g.createLinearGradient(0, 0, 0, 140);
    sky.addColorStop(0, `hsl(${(hue + 200) % 360} 60% 75%)`);
    sky.addColorStop(1, `hsl(${(hue + 200) % 360} 40% 90%)`);
    g.fillStyle = sky;
    g.fillRect(0, 0, 320, 140);
    g.fillStyle = `hsl(${(hue + 90) % 360} 35% 45%)`;
    g.fillRect(0, 140, 320, 100);
    // A heap, a wall or a stream: something an inspector photographs.
    g.fillStyle =
      i % 3 === 0 ? 'hsl(30 30% 35%)' : i % 3 === 1 ? 'hsl(0 0% 60%)' : 'hsl(205 55% 45%)';
    g.beginPath();
    if (i % 3 === 2) g.ellipse(160, 190, 150, 22, 0, 0, Math.PI * 2);
    else g.ellipse(100 + (i % 4) * 30, 170, 70, 40, 0, Math.PI, 0);
    g.fill();
    g.fillStyle = 'rgba(0,0,0,0.55)';
    g.fillRect(0, 208, 320, 32);
    g.fillStyle = '#fff';
    g.font = '16px "Noto Sans SC", sans-serif';
    g.fillText(`示例照片 ${i + 1}`, 10, 230);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.7),
    );
    if (blob) images.push(new Uint8Array(await blob.arrayBuffer()));
  }
  return images;
}
