/// The traffic light as a pure state machine, advanced once per timer tick: red, red and amber,
/// green, amber. A pedestrian request cuts green short; it is served when the light turns red.
module Traffic

type Light =
    | Red
    | RedAmber
    | Green
    | Amber

/// How many ticks each light lasts.
let duration (light: Light) =
    match light with
    | Red -> 30
    | RedAmber -> 8
    | Green -> 40
    | Amber -> 12

/// The ticks green may still last once a pedestrian is waiting.
[<Literal>]
let ShortGreen = 6

let next (light: Light) =
    match light with
    | Red -> RedAmber
    | RedAmber -> Green
    | Green -> Amber
    | Amber -> Red

[<Struct>]
type Controller = { Light: Light; Left: int; Waiting: bool }

let start = { Light = Red; Left = duration Red; Waiting = false }

/// One tick: the new state. pressed says whether the pedestrian button was pressed in this tick.
let step (c: Controller) (pressed: bool) =
    let waiting = c.Waiting || pressed
    let left = if waiting && c.Light = Green && c.Left > ShortGreen then ShortGreen else c.Left
    if left > 1 then { c with Left = left - 1; Waiting = waiting }
    else
        let light = next c.Light
        // pedestrians cross while it is red: that serves the request
        { Light = light; Left = duration light; Waiting = waiting && light <> Red }

let name (light: Light) =
    match light with
    | Red -> "red"
    | RedAmber -> "red+amber"
    | Green -> "green"
    | Amber -> "amber"
