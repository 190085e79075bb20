import { Box } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useAttachmentBlob } from '../db/hooks';

/** Shows a stored image (a thumbnail or a full photo) through a short-lived object URL. */
export function AttachmentImage({ id, alt, size }: { id: string; alt: string; size?: number }) {
  const blob = useAttachmentBlob(id);
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return <Box sx={{ width: size ?? 96, height: size ?? 72, bgcolor: 'action.hover' }} />;
  return (
    <Box
      component="img"
      src={url}
      alt={alt}
      sx={
        size
          ? {
              width: size,
              height: size * 0.75,
              objectFit: 'cover',
              borderRadius: 1,
              display: 'block',
            }
          : { maxWidth: '100%', maxHeight: '75vh', display: 'block', mx: 'auto' }
      }
    />
  );
}
