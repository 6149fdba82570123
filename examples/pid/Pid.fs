/// A PID controller in Q16.16 with a clamped output and an integral that stops growing while the
/// output is saturated (anti-windup), driving a simulated heater.
module Pid

open Fixed

type Gains = { Kp: int; Ki: int; Kd: int }

/// The controller's state between two steps: a value, copied in and out of each step.
[<Struct>]
type State = { Integral: int; LastError: int }

let initial = { Integral = 0; LastError = 0 }

/// One control step: the new state and the output, clamped to outMin .. outMax.
let step (g: Gains) (outMin: int) (outMax: int) (s: State) (setpoint: int) (measured: int) =
    let error = setpoint - measured
    let integral = s.Integral + mul g.Ki error
    let derivative = mul g.Kd (error - s.LastError)
    let raw = mul g.Kp error + integral + derivative
    let output = clamp outMin outMax raw
    // anti-windup: keep the old integral when it would push further into saturation
    let integral' = if raw <> output && (raw > outMax) = (error > 0) then s.Integral else integral
    { Integral = integral'; LastError = error }, output

/// The plant: a heater whose temperature rises with power and loses heat to the room.
[<Struct>]
type Heater = { Temperature: int }

let ambient = ofInt 20

let heat (h: Heater) (power: int) =
    let gain = mul power (ofRatio 1 20)
    let loss = mul (h.Temperature - ambient) (ofRatio 1 50)
    { Temperature = h.Temperature + gain - loss }
