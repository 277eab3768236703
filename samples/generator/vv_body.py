"""Body dimensions of the rendered person.

Segment lengths follow Winter's anthropometric fractions of body height (Winter, Biomechanics and
Motor Control of Human Movement, 4th ed., table 4.1): thigh 0.245 H, shank 0.246 H, ankle height
0.039 H, foot length 0.152 H, shoulder height 0.818 H. The distance between the two hip joint
centres is about 0.1 H in adults. Girth scales the limb and trunk radii only, so two shapes with
the same height differ in build, not in joint positions."""
from dataclasses import dataclass


@dataclass(frozen=True)
class BodyShape:
    name: str
    height_m: float
    girth: float  # multiplies limb and trunk radii
    hip_width_factor: float  # multiplies the pelvis' width (not the hip joint spacing)
    long_hair: bool


SHAPES = {
    # A slim-to-average adult.
    "a": BodyShape("a", 1.76, 1.0, 1.0, False),
    # A shorter, broader adult with wider hips and longer hair.
    "b": BodyShape("b", 1.66, 1.2, 1.12, True),
}


@dataclass(frozen=True)
class BodyDimensions:
    scale: float
    girth: float
    hip_width_factor: float
    thigh_m: float
    shank_m: float
    ankle_height_m: float
    foot_length_m: float
    heel_back_m: float  # ankle centre to the back of the heel, along the foot
    hip_spacing_m: float  # between the hip joint centres
    shoulder_half_width_m: float
    shoulder_above_hip_m: float
    upper_arm_m: float
    forearm_m: float
    long_hair: bool

    @property
    def leg_m(self):
        return self.thigh_m + self.shank_m


def dimensions(shape: BodyShape) -> BodyDimensions:
    h = shape.height_m
    k = h / 1.75
    return BodyDimensions(
        scale=k,
        girth=shape.girth,
        hip_width_factor=shape.hip_width_factor,
        thigh_m=0.245 * h,
        shank_m=0.246 * h,
        ankle_height_m=0.039 * h,
        foot_length_m=0.152 * h,
        heel_back_m=0.04 * h,
        hip_spacing_m=0.1 * h,
        shoulder_half_width_m=0.105 * h,
        # shoulder height 0.818 H minus hip joint height (0.039 + 0.245 + 0.246) H
        shoulder_above_hip_m=(0.818 - 0.530) * h,
        upper_arm_m=0.186 * h,
        forearm_m=0.146 * h,
        long_hair=shape.long_hair,
    )
