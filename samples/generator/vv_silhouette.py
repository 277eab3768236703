"""The middle of a limb's silhouette across the limb, from an anti-aliased coverage mask.

A mask value is the fraction of a pixel the limb covers, so the silhouette edge is where the bilinearly
interpolated coverage crosses 0.5. From the joint centre we walk both ways along the line across the
limb (perpendicular to its axis) to those crossings; their midpoint is the visible centre."""
import math

STEP_PX = 0.05
MAX_HALF_WIDTH_PX = 120.0


class CoverageMask:
    """One channel of an RGBA float image stored bottom row first (Blender's order), covering the frame's
    pixels from (left, top) on; outside it the limb is absent."""

    def __init__(self, pixels, width, height, channel, left=0, top=0):
        self.pixels, self.width, self.height, self.channel = pixels, width, height, channel
        self.left, self.top = left, top

    def at(self, col, row):
        col -= self.left
        row -= self.top
        if col < 0 or row < 0 or col >= self.width or row >= self.height:
            return 0.0
        return self.pixels[((self.height - 1 - row) * self.width + col) * 4 + self.channel]

    def sample(self, x, y):
        """Bilinear coverage at continuous pixel coordinates (pixel centres at +0.5)."""
        fx, fy = x - 0.5, y - 0.5
        c0, r0 = math.floor(fx), math.floor(fy)
        tx, ty = fx - c0, fy - r0
        top = self.at(c0, r0) * (1 - tx) + self.at(c0 + 1, r0) * tx
        bottom = self.at(c0, r0 + 1) * (1 - tx) + self.at(c0 + 1, r0 + 1) * tx
        return top * (1 - ty) + bottom * ty


def _edge_distance(mask, centre, direction):
    previous = mask.sample(centre[0], centre[1])
    t = 0.0
    while t < MAX_HALF_WIDTH_PX:
        t_next = t + STEP_PX
        value = mask.sample(centre[0] + direction[0] * t_next, centre[1] + direction[1] * t_next)
        if value < 0.5:
            return t + STEP_PX * (previous - 0.5) / (previous - value)
        previous, t = value, t_next
    return None


def visible_centre(mask, centre, axis):
    """centre: the true joint centre in pixels; axis: the limb's direction in the image there.
    Returns the silhouette's middle on the line across the limb, or None where the joint is hidden
    (not covered by its own limb) or the edge is not found."""
    if mask.sample(centre[0], centre[1]) < 0.5:
        return None
    length = math.hypot(axis[0], axis[1])
    across = (-axis[1] / length, axis[0] / length)
    plus = _edge_distance(mask, centre, across)
    minus = _edge_distance(mask, centre, (-across[0], -across[1]))
    if plus is None or minus is None:
        return None
    shift = (plus - minus) / 2
    return (centre[0] + across[0] * shift, centre[1] + across[1] * shift)


def knee_axis(hip, knee, ankle):
    """The limb's direction at a bent knee: the mean of the thigh's and the shank's directions."""
    def unit(dx, dy):
        n = math.hypot(dx, dy)
        return (dx / n, dy / n)
    thigh = unit(hip[0] - knee[0], hip[1] - knee[1])
    shank = unit(knee[0] - ankle[0], knee[1] - ankle[1])
    return (thigh[0] + shank[0], thigh[1] + shank[1])
