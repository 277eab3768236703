"""The pinhole camera that renders the clip, written out so the truth is projected by our own,
testable code; make_sample.py checks it against Blender's projection on every clip."""
import math
from dataclasses import dataclass

import vv_vec as v


@dataclass(frozen=True)
class Camera:
    position: tuple
    forward: tuple
    right: tuple
    up: tuple
    focal_mm: float
    sensor_width_mm: float
    width_px: int
    height_px: int

    @property
    def focal_px(self):
        return self.focal_mm / self.sensor_width_mm * self.width_px

    def project(self, point):
        """Continuous pixel coordinates (x right, y down; the image's top-left corner is (0, 0), so the
        centre of the top-left pixel is (0.5, 0.5) - the convention of MediaPipe's normalised landmarks
        times the image size)."""
        d = v.sub(point, self.position)
        depth = v.dot(d, self.forward)
        if depth <= 0:
            raise ValueError(f"point {point} is behind the camera")
        f = self.focal_px
        return (self.width_px / 2 + f * v.dot(d, self.right) / depth,
                self.height_px / 2 - f * v.dot(d, self.up) / depth)


def orbit_camera(yaw_deg, height_m, distance_m, aim_height_m, focal_mm, width_px=1280, height_px=720,
                 centre=(0.0, 0.0)):
    """A camera on a horizontal circle around a vertical line (default: the person's midline), aimed at a
    point on it. Yaw 0 is straight in front; positive yaw moves the camera towards the person's left."""
    yaw = math.radians(yaw_deg)
    position = (centre[0] + distance_m * math.sin(yaw), centre[1] - distance_m * math.cos(yaw), height_m)
    forward = v.unit(v.sub((centre[0], centre[1], aim_height_m), position))
    right = v.unit(v.cross(forward, (0.0, 0.0, 1.0)))
    up = v.cross(right, forward)
    return Camera(position, forward, right, up, focal_mm, 36.0, width_px, height_px)
