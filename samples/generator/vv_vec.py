"""Tiny 3-vector helpers on plain tuples, so the kinematics and truth maths run (and are tested)
with any Python 3, not only inside Blender."""
import math


def add(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a, k):
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a):
    return math.sqrt(dot(a, a))


def unit(a):
    n = norm(a)
    if n == 0.0:
        raise ValueError("cannot normalise a zero vector")
    return mul(a, 1.0 / n)


def rot_x(v, angle_rad):
    """Rotation about the world x axis (right-handed)."""
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    return (v[0], c * v[1] - s * v[2], s * v[1] + c * v[2])


def rot_y(v, angle_rad):
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    return (c * v[0] + s * v[2], v[1], -s * v[0] + c * v[2])


def rot_z(v, angle_rad):
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    return (c * v[0] - s * v[1], s * v[0] + c * v[1], v[2])


def rot_axis(v, axis, angle_rad):
    """Rodrigues' rotation of v about the unit vector axis."""
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    k = axis
    return add(add(mul(v, c), mul(cross(k, v), s)), mul(k, dot(k, v) * (1.0 - c)))


def lerp(a, b, t):
    return add(a, mul(sub(b, a), t))
