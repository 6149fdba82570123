@"Fid.Board.UartBase" = internal constant i32 1073790976
@"Fid.Math.tanCoefficients.data" = internal global [13 x double] [double 0x3FD5555555555563, double 0x3FC111111110FE7A, double 0x3FABA1BA1BB341FE, double 0x3F9664F48406D637, double 0x3F8226E3E96E8493, double 0x3F6D6D22C9560328, double 0x3F57DBC8FEE08315, double 0x3F4344D8F2F26501, double 0x3F3026F71A8D1068, double 0x3F147E88A03792A6, double 0x3F12B80F32F0A7E9, double 0xBEF375CBDB605373, double 0x3EFB2A7074BF7AD4]
@"Fid.Math.tanCoefficients" = internal constant { ptr, i32 } { ptr @"Fid.Math.tanCoefficients.data", i32 13 }
@"Fid.Math.twoOverPi.data" = internal global [66 x i32] [i32 10680707, i32 7228996, i32 1387004, i32 2578385, i32 16069853, i32 12639074, i32 9804092, i32 4427841, i32 16666979, i32 11263675, i32 12935607, i32 2387514, i32 4345298, i32 14681673, i32 3074569, i32 13734428, i32 16653803, i32 1880361, i32 10960616, i32 8533493, i32 3062596, i32 8710556, i32 7349940, i32 6258241, i32 3772886, i32 3769171, i32 3798172, i32 8675211, i32 12450088, i32 3874808, i32 9961438, i32 366607, i32 15675153, i32 9132554, i32 7151469, i32 3571407, i32 2607881, i32 12013382, i32 4155038, i32 6285869, i32 7677882, i32 13102053, i32 15825725, i32 473591, i32 9065106, i32 15363067, i32 6271263, i32 9264392, i32 5636912, i32 4652155, i32 7056368, i32 13614112, i32 10155062, i32 1944035, i32 9527646, i32 15080200, i32 6658437, i32 6231200, i32 6832269, i32 16767104, i32 5075751, i32 3212806, i32 1398474, i32 7579849, i32 6349435, i32 12618859]
@"Fid.Math.twoOverPi" = internal constant { ptr, i32 } { ptr @"Fid.Math.twoOverPi.data", i32 66 }
@"Fid.Math.piO2Chunks.data" = internal global [8 x double] [double 0x3FF921FB40000000, double 0x3E74442D00000000, double 0x3CF8469880000000, double 0x3B78CC5160000000, double 0x39F01B8380000000, double 0x387A252040000000, double 0x36E3822280000000, double 0x3569F31D00000000]
@"Fid.Math.piO2Chunks" = internal constant { ptr, i32 } { ptr @"Fid.Math.piO2Chunks.data", i32 8 }
@"Fid.Math.nPiO2Hi.data" = internal global [32 x i32] [i32 1073291771, i32 1074340347, i32 1074977148, i32 1075388923, i32 1075800698, i32 1076025724, i32 1076231611, i32 1076437499, i32 1076643386, i32 1076849274, i32 1076971356, i32 1077074300, i32 1077177244, i32 1077280187, i32 1077383131, i32 1077486075, i32 1077589019, i32 1077691962, i32 1077794906, i32 1077897850, i32 1077968460, i32 1078019932, i32 1078071404, i32 1078122876, i32 1078174348, i32 1078225820, i32 1078277292, i32 1078328763, i32 1078380235, i32 1078431707, i32 1078483179, i32 1078534651]
@"Fid.Math.nPiO2Hi" = internal constant { ptr, i32 } { ptr @"Fid.Math.nPiO2Hi.data", i32 32 }
@"Fid.Math.atanHi.data" = internal global [4 x double] [double 0x3FDDAC670561BB4F, double 0x3FE921FB54442D18, double 0x3FEF730BD281F69B, double 0x3FF921FB54442D18]
@"Fid.Math.atanHi" = internal constant { ptr, i32 } { ptr @"Fid.Math.atanHi.data", i32 4 }
@"Fid.Math.atanLo.data" = internal global [4 x double] [double 0x3C7A2B7F222F65E2, double 0x3C81A62633145C07, double 0x3C7007887AF0CBBD, double 0x3C91A62633145C07]
@"Fid.Math.atanLo" = internal constant { ptr, i32 } { ptr @"Fid.Math.atanLo.data", i32 4 }
@"Hardware.count" = internal global i32 0
@.str.0 = private unnamed_addr constant [22 x i8] c"panic: fault (cause 0x", align 1
@.str.1 = private unnamed_addr constant [28 x i8] c"panic: stack overflow (sp 0x", align 1
@.str.2 = private unnamed_addr constant [29 x i8] c"panic: unhandled interrupt 0x", align 1
@.str.3 = private unnamed_addr constant [9 x i8] c" at pc 0x", align 1
@.str.4 = private unnamed_addr constant [23 x i8] c"misaligned MMIO address", align 1
@.str.5 = private unnamed_addr constant [17 x i8] c"Hardware.fs:12:68", align 1
@.str.6 = private unnamed_addr constant [17 x i8] c"Hardware.fs:12:49", align 1
@.str.7 = private unnamed_addr constant [16 x i8] c"division by zero", align 1
@.str.8 = private unnamed_addr constant [21 x i8] c"Fid.Runtime.fs:125:74", align 1
@.str.9 = private unnamed_addr constant [7 x i8] c"panic: ", align 1
@.str.10 = private unnamed_addr constant [4 x i8] c" at ", align 1
@fid.wide.strings = internal constant i1 false
define internal void @fid.init() section ".text.fid.init" {
entry:
  ret void
}

define internal void @fid.uart.init() section ".text.fid.uart.init" {
entry:
  %t0 = call {} @"Fid.Board.uartSetup"({} zeroinitializer)
  %t1 = call {} @"Fid.Uart.init"({} zeroinitializer)
  ret void
}

define internal i32 @fid.main() section ".text.fid.main" {
entry:
  %t0 = call i32 @"Hardware.main"({ ptr, i32 } { ptr null, i32 0 })
  ret i32 %t0
}

define internal void @"isr.SysTick"() section ".text.isr.SysTick" {
entry:
  %t0 = call {} @"Hardware.onTick"({} zeroinitializer)
  ret void
}

define internal {} @"Fid.Runtime.panicFault"(i32 %p0, i32 %p1, i32 %p2) cold noinline section ".text.Fid.Runtime.panicFault" {
entry:
  %s0 = alloca i32
  %s1 = alloca i32
  %s2 = alloca i32
  %s3 = alloca { ptr, i32 }
  %s4 = alloca { ptr, i32 }
  store i32 %p0, ptr %s0
  store i32 %p1, ptr %s1
  store i32 %p2, ptr %s2
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  %t1 = icmp eq i32 %t0, 0
  br i1 %t1, label %then.1, label %else.2
then.1:
  store { ptr, i32 } { ptr @.str.0, i32 22 }, ptr %s3
  br label %endif.3
else.2:
  %t2 = load i32, ptr %s0
  %t3 = icmp eq i32 %t2, 1
  br i1 %t3, label %then.4, label %else.5
then.4:
  store { ptr, i32 } { ptr @.str.1, i32 28 }, ptr %s4
  br label %endif.6
else.5:
  store { ptr, i32 } { ptr @.str.2, i32 29 }, ptr %s4
  br label %endif.6
endif.6:
  %t4 = load { ptr, i32 }, ptr %s4
  store { ptr, i32 } %t4, ptr %s3
  br label %endif.3
endif.3:
  %t5 = load { ptr, i32 }, ptr %s3
  %t6 = call {} @"Fid.Runtime.putString"({ ptr, i32 } %t5)
  %t7 = load i32, ptr %s1
  %t8 = call {} @"Fid.Runtime.putHex32"(i32 %t7)
  %t9 = load i32, ptr %s0
  %t10 = icmp ne i32 %t9, 2
  br i1 %t10, label %then.7, label %else.8
then.7:
  %t11 = call {} @"Fid.Runtime.putByte"(i8 41)
  br label %endif.9
else.8:
  br label %endif.9
endif.9:
  %t12 = call {} @"Fid.Runtime.putString"({ ptr, i32 } { ptr @.str.3, i32 9 })
  %t13 = load i32, ptr %s2
  %t14 = call {} @"Fid.Runtime.putHex32"(i32 %t13)
  %t15 = call {} @"Fid.Runtime.putByte"(i8 10)
  call void @fid.exit(i32 101)
  unreachable
}

define internal {} @"Fid.Board.uartSetup"({} %p0) section ".text.Fid.Board.uartSetup" {
entry:
  %s0 = alloca {}
  %s1 = alloca {}
  store {} %p0, ptr %s0
  br label %body.0
body.0:
  br label %rule.1
rule.1:
  ret {} zeroinitializer
}

define internal {} @"Fid.Uart.init"({} %p0) section ".text.Fid.Uart.init" {
entry:
  %s0 = alloca {}
  %s1 = alloca {}
  store {} %p0, ptr %s0
  br label %body.0
body.0:
  br label %rule.1
rule.1:
  %t0 = load i32, ptr @"Fid.Board.UartBase"
  %t1 = inttoptr i32 1073791024 to ptr
  store volatile i32 769, ptr %t1, align 4
  ret {} zeroinitializer
}

define internal i32 @"Hardware.main"({ ptr, i32 } %p0) section ".text.Hardware.main" {
entry:
  %s0 = alloca { ptr, i32 }
  %s1 = alloca i32
  store { ptr, i32 } %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = inttoptr i32 -536866812 to ptr
  %t1 = load volatile i32, ptr %t0
  store i32 %t1, ptr %s1
  call void asm sideeffect "cpsid i", "~{memory}"()
  %t2 = call {} @"Hardware.setBits"(i32 1074782472, i32 32)
  call void asm sideeffect "cpsie i", "~{memory}"()
  %t3 = load volatile i32, ptr @"Hardware.count"
  %t4 = inttoptr i32 -536866812 to ptr
  %t5 = load volatile i32, ptr %t4
  %t6 = load i32, ptr %s1
  %t7 = sub i32 %t5, %t6
  %t8 = sdiv i32 %t7, 1000000
  %t9 = icmp slt i32 %t3, 0
  %t10 = sub i32 0, %t3
  %t11 = select i1 %t9, i32 %t10, i32 %t3
  %t12 = call {} @"Fid.Runtime.fmtDec32"(i32 %t11, i1 %t9, i32 0, i32 0)
  %t13 = call {} @"Fid.Runtime.putByte"(i8 32)
  %t14 = icmp slt i32 %t8, 0
  %t15 = sub i32 0, %t8
  %t16 = select i1 %t14, i32 %t15, i32 %t8
  %t17 = call {} @"Fid.Runtime.fmtDec32"(i32 %t16, i1 %t14, i32 0, i32 0)
  %t18 = call {} @"Fid.Runtime.putByte"(i8 10)
  ret i32 0
}

define internal {} @"Hardware.onTick"({} %p0) section ".text.Hardware.onTick" {
entry:
  %s0 = alloca {}
  %s1 = alloca {}
  store {} %p0, ptr %s0
  br label %body.0
body.0:
  br label %rule.1
rule.1:
  %t0 = load volatile i32, ptr @"Hardware.count"
  %t1 = add i32 %t0, 1
  store volatile i32 %t1, ptr @"Hardware.count"
  ret {} zeroinitializer
}

define internal {} @"Hardware.setBits"(i32 %p0, i32 %p1) section ".text.Hardware.setBits" {
entry:
  %s0 = alloca i32
  %s1 = alloca i32
  store i32 %p0, ptr %s0
  store i32 %p1, ptr %s1
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  %t1 = load i32, ptr %s0
  %t2 = and i32 %t1, 3
  %t3 = icmp ne i32 %t2, 0
  br i1 %t3, label %misaligned.1, label %aligned.2
misaligned.1:
  %t4 = call {} @"Fid.Runtime.panicMessage"({ ptr, i32 } { ptr @.str.4, i32 23 }, { ptr, i32 } { ptr @.str.5, i32 17 })
  unreachable
aligned.2:
  %t5 = inttoptr i32 %t1 to ptr
  %t6 = load volatile i32, ptr %t5, align 4
  %t7 = load i32, ptr %s1
  %t8 = or i32 %t6, %t7
  %t9 = and i32 %t0, 3
  %t10 = icmp ne i32 %t9, 0
  br i1 %t10, label %misaligned.3, label %aligned.4
misaligned.3:
  %t11 = call {} @"Fid.Runtime.panicMessage"({ ptr, i32 } { ptr @.str.4, i32 23 }, { ptr, i32 } { ptr @.str.6, i32 17 })
  unreachable
aligned.4:
  %t12 = inttoptr i32 %t0 to ptr
  store volatile i32 %t8, ptr %t12, align 4
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.putString"({ ptr, i32 } %p0) section ".text.Fid.Runtime.putString" {
entry:
  %s0 = alloca { ptr, i32 }
  %s1 = alloca i32
  store { ptr, i32 } %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load { ptr, i32 }, ptr %s0
  %t1 = extractvalue { ptr, i32 } %t0, 1
  %t2 = icmp slt i32 %t1, 0
  %t3 = load i1, ptr @fid.wide.strings
  %t4 = and i1 %t2, %t3
  br i1 %t4, label %then.1, label %else.2
then.1:
  %t5 = load { ptr, i32 }, ptr %s0
  %t6 = call {} @"Fid.Runtime.putWide"({ ptr, i32 } %t5)
  ret {} %t6
else.2:
  %t7 = load { ptr, i32 }, ptr %s0
  %t8 = extractvalue { ptr, i32 } %t7, 1
  %t9 = and i32 %t8, 2147483647
  %t10 = sub i32 %t9, 1
  store i32 0, ptr %s1
  %t11 = icmp sle i32 0, %t10
  store i32 0, ptr %s1
  br i1 %t11, label %forbody.4, label %endfor.3
forbody.4:
  %t12 = load { ptr, i32 }, ptr %s0
  %t13 = load i32, ptr %s1
  %t14 = extractvalue { ptr, i32 } %t12, 0
  %t15 = getelementptr inbounds i8, ptr %t14, i32 %t13
  %t16 = load i8, ptr %t15
  %t17 = call {} @"Fid.Runtime.putByte"(i8 %t16)
  %t18 = load i32, ptr %s1
  %t19 = sub i32 %t10, %t18
  %t20 = icmp ult i32 %t19, 1
  br i1 %t20, label %endfor.3, label %fornext.5
fornext.5:
  %t21 = add i32 %t18, 1
  store i32 %t21, ptr %s1
  br label %forbody.4
endfor.3:
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.putHex32"(i32 %p0) section ".text.Fid.Runtime.putHex32" {
entry:
  %s0 = alloca i32
  %s1 = alloca i32
  %s2 = alloca i32
  %s3 = alloca i32
  %s4 = alloca i8
  store i32 %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  store i32 %t0, ptr %s1
  store i32 1, ptr %s2
  %t1 = icmp sle i32 1, 8
  store i32 1, ptr %s2
  br i1 %t1, label %forbody.2, label %endfor.1
forbody.2:
  %t2 = load i32, ptr %s1
  %t3 = and i32 28, 31
  %t4 = lshr i32 %t2, %t3
  store i32 %t4, ptr %s3
  %t5 = load i32, ptr %s3
  %t6 = icmp ult i32 %t5, 10
  br i1 %t6, label %then.3, label %else.4
then.3:
  %t7 = load i32, ptr %s3
  %t8 = add i32 48, %t7
  %t9 = trunc i32 %t8 to i8
  store i8 %t9, ptr %s4
  br label %endif.5
else.4:
  %t10 = load i32, ptr %s3
  %t11 = add i32 87, %t10
  %t12 = trunc i32 %t11 to i8
  store i8 %t12, ptr %s4
  br label %endif.5
endif.5:
  %t13 = load i8, ptr %s4
  %t14 = call {} @"Fid.Runtime.putByte"(i8 %t13)
  %t15 = load i32, ptr %s1
  %t16 = and i32 4, 31
  %t17 = shl i32 %t15, %t16
  store i32 %t17, ptr %s1
  %t18 = load i32, ptr %s2
  %t19 = sub i32 8, %t18
  %t20 = icmp ult i32 %t19, 1
  br i1 %t20, label %endfor.1, label %fornext.6
fornext.6:
  %t21 = add i32 %t18, 1
  store i32 %t21, ptr %s2
  br label %forbody.2
endfor.1:
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.putByte"(i8 %p0) section ".text.Fid.Runtime.putByte" {
entry:
  %s0 = alloca i8
  store i8 %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load i8, ptr %s0
  %t1 = call {} @"Fid.Uart.write"(i8 %t0)
  ret {} %t1
}

define internal {} @"Fid.Runtime.fmtDec32"(i32 %p0, i1 %p1, i32 %p2, i32 %p3) section ".text.Fid.Runtime.fmtDec32" {
entry:
  %s0 = alloca i32
  %s1 = alloca i1
  %s2 = alloca i32
  %s3 = alloca i32
  %s4 = alloca i32
  %s5 = alloca i1
  %s6 = alloca i32
  %s7 = alloca i32
  %s8 = alloca i32
  %s9 = alloca i32
  %s10 = alloca i32
  %s11 = alloca i32
  %s12 = alloca i32
  %s13 = alloca i32
  %s14 = alloca i32
  %s15 = alloca i32
  %s16 = alloca i32
  %s17 = alloca i8
  %s18 = alloca i32
  %s19 = alloca i32
  %s20 = alloca i32
  %s21 = alloca i32
  %s22 = alloca i32
  %s23 = alloca i32
  %s24 = alloca i32
  %s25 = alloca i32
  %s26 = alloca i32
  %s27 = alloca i8
  %s28 = alloca i1
  %s29 = alloca i8
  %s30 = alloca i32
  %s31 = alloca i32
  %s32 = alloca i32
  %s33 = alloca i32
  %s34 = alloca i32
  %s35 = alloca i32
  store i32 %p0, ptr %s0
  store i1 %p1, ptr %s1
  store i32 %p2, ptr %s2
  store i32 %p3, ptr %s3
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  %t1 = load i1, ptr %s1
  %t2 = load i32, ptr %s2
  %t3 = load i32, ptr %s3
  store i32 %t0, ptr %s4
  store i1 %t1, ptr %s5
  store i32 10, ptr %s6
  store i32 %t2, ptr %s7
  store i32 %t3, ptr %s8
  store i32 1, ptr %s9
  store i32 1, ptr %s10
  %t4 = load i32, ptr %s4
  %t5 = load i32, ptr %s6
  store i32 %t4, ptr %s11
  store i32 %t5, ptr %s12
  %t6 = load i32, ptr %s12
  %t7 = icmp eq i32 %t6, 16
  br i1 %t7, label %then.1, label %else.2
then.1:
  %t8 = load i32, ptr %s11
  %t9 = and i32 4, 31
  %t10 = lshr i32 %t8, %t9
  store i32 %t10, ptr %s13
  br label %endif.3
else.2:
  %t11 = load i32, ptr %s12
  %t12 = icmp eq i32 %t11, 8
  br i1 %t12, label %then.4, label %else.5
then.4:
  %t13 = load i32, ptr %s11
  %t14 = and i32 3, 31
  %t15 = lshr i32 %t13, %t14
  store i32 %t15, ptr %s14
  br label %endif.6
else.5:
  %t16 = load i32, ptr %s12
  %t17 = icmp eq i32 %t16, 2
  br i1 %t17, label %then.7, label %else.8
then.7:
  %t18 = load i32, ptr %s11
  %t19 = and i32 1, 31
  %t20 = lshr i32 %t18, %t19
  store i32 %t20, ptr %s15
  br label %endif.9
else.8:
  %t21 = load i32, ptr %s11
  %t22 = udiv i32 %t21, 10
  store i32 %t22, ptr %s15
  br label %endif.9
endif.9:
  %t23 = load i32, ptr %s15
  store i32 %t23, ptr %s14
  br label %endif.6
endif.6:
  %t24 = load i32, ptr %s14
  store i32 %t24, ptr %s13
  br label %endif.3
endif.3:
  %t25 = load i32, ptr %s13
  store i32 %t25, ptr %s16
  br label %while.10
while.10:
  %t26 = load i32, ptr %s9
  %t27 = load i32, ptr %s16
  %t28 = icmp ule i32 %t26, %t27
  br i1 %t28, label %do.11, label %done.12
do.11:
  %t29 = load i32, ptr %s9
  %t30 = load i32, ptr %s6
  %t31 = mul i32 %t29, %t30
  store i32 %t31, ptr %s9
  %t32 = load i32, ptr %s10
  %t33 = add i32 %t32, 1
  store i32 %t33, ptr %s10
  br label %while.10
done.12:
  %t34 = load i1, ptr %s5
  %t35 = load i32, ptr %s8
  %t36 = call i8 @"Fid.Runtime.signByte"(i1 %t34, i32 %t35)
  store i8 %t36, ptr %s17
  %t37 = load i32, ptr %s10
  %t38 = load i8, ptr %s17
  %t39 = load i32, ptr %s7
  %t40 = load i32, ptr %s8
  %t41 = call {} @"Fid.Runtime.padFront"(i32 %t37, i8 %t38, i32 %t39, i32 %t40)
  br label %while.13
while.13:
  %t42 = load i32, ptr %s9
  %t43 = icmp ne i32 %t42, 0
  br i1 %t43, label %do.14, label %done.15
do.14:
  %t44 = load i32, ptr %s4
  %t45 = load i32, ptr %s9
  %t46 = icmp eq i32 %t45, 0
  br i1 %t46, label %divzero.16, label %divok.17
divzero.16:
  %t47 = call {} @"Fid.Runtime.panicMessage"({ ptr, i32 } { ptr @.str.7, i32 16 }, { ptr, i32 } { ptr @.str.8, i32 21 })
  unreachable
divok.17:
  %t48 = udiv i32 %t44, %t45
  store i32 %t48, ptr %s18
  %t49 = load i32, ptr %s18
  %t50 = load i32, ptr %s18
  %t51 = load i32, ptr %s6
  store i32 %t50, ptr %s19
  store i32 %t51, ptr %s20
  %t52 = load i32, ptr %s20
  %t53 = icmp eq i32 %t52, 16
  br i1 %t53, label %then.18, label %else.19
then.18:
  %t54 = load i32, ptr %s19
  %t55 = and i32 4, 31
  %t56 = lshr i32 %t54, %t55
  store i32 %t56, ptr %s21
  br label %endif.20
else.19:
  %t57 = load i32, ptr %s20
  %t58 = icmp eq i32 %t57, 8
  br i1 %t58, label %then.21, label %else.22
then.21:
  %t59 = load i32, ptr %s19
  %t60 = and i32 3, 31
  %t61 = lshr i32 %t59, %t60
  store i32 %t61, ptr %s22
  br label %endif.23
else.22:
  %t62 = load i32, ptr %s20
  %t63 = icmp eq i32 %t62, 2
  br i1 %t63, label %then.24, label %else.25
then.24:
  %t64 = load i32, ptr %s19
  %t65 = and i32 1, 31
  %t66 = lshr i32 %t64, %t65
  store i32 %t66, ptr %s23
  br label %endif.26
else.25:
  %t67 = load i32, ptr %s19
  %t68 = udiv i32 %t67, 10
  store i32 %t68, ptr %s23
  br label %endif.26
endif.26:
  %t69 = load i32, ptr %s23
  store i32 %t69, ptr %s22
  br label %endif.23
endif.23:
  %t70 = load i32, ptr %s22
  store i32 %t70, ptr %s21
  br label %endif.20
endif.20:
  %t71 = load i32, ptr %s21
  %t72 = load i32, ptr %s6
  %t73 = mul i32 %t71, %t72
  %t74 = sub i32 %t49, %t73
  %t75 = load i32, ptr %s6
  %t76 = load i32, ptr %s8
  store i32 %t74, ptr %s24
  store i32 %t75, ptr %s25
  store i32 %t76, ptr %s26
  %t77 = load i32, ptr %s25
  %t78 = icmp ne i32 %t77, 16
  store i1 %t78, ptr %s28
  br i1 %t78, label %logic.28, label %or.27
or.27:
  %t79 = load i32, ptr %s24
  %t80 = icmp ult i32 %t79, 10
  store i1 %t80, ptr %s28
  br label %logic.28
logic.28:
  %t81 = load i1, ptr %s28
  br i1 %t81, label %then.29, label %else.30
then.29:
  %t82 = load i32, ptr %s24
  %t83 = add i32 48, %t82
  %t84 = trunc i32 %t83 to i8
  store i8 %t84, ptr %s27
  br label %endif.31
else.30:
  %t85 = load i32, ptr %s26
  %t86 = and i32 %t85, 16
  %t87 = icmp ne i32 %t86, 0
  br i1 %t87, label %then.32, label %else.33
then.32:
  %t88 = load i32, ptr %s24
  %t89 = add i32 55, %t88
  %t90 = trunc i32 %t89 to i8
  store i8 %t90, ptr %s29
  br label %endif.34
else.33:
  %t91 = load i32, ptr %s24
  %t92 = add i32 87, %t91
  %t93 = trunc i32 %t92 to i8
  store i8 %t93, ptr %s29
  br label %endif.34
endif.34:
  %t94 = load i8, ptr %s29
  store i8 %t94, ptr %s27
  br label %endif.31
endif.31:
  %t95 = load i8, ptr %s27
  %t96 = call {} @"Fid.Runtime.putByte"(i8 %t95)
  %t97 = load i32, ptr %s9
  %t98 = load i32, ptr %s6
  store i32 %t97, ptr %s30
  store i32 %t98, ptr %s31
  %t99 = load i32, ptr %s31
  %t100 = icmp eq i32 %t99, 16
  br i1 %t100, label %then.35, label %else.36
then.35:
  %t101 = load i32, ptr %s30
  %t102 = and i32 4, 31
  %t103 = lshr i32 %t101, %t102
  store i32 %t103, ptr %s32
  br label %endif.37
else.36:
  %t104 = load i32, ptr %s31
  %t105 = icmp eq i32 %t104, 8
  br i1 %t105, label %then.38, label %else.39
then.38:
  %t106 = load i32, ptr %s30
  %t107 = and i32 3, 31
  %t108 = lshr i32 %t106, %t107
  store i32 %t108, ptr %s33
  br label %endif.40
else.39:
  %t109 = load i32, ptr %s31
  %t110 = icmp eq i32 %t109, 2
  br i1 %t110, label %then.41, label %else.42
then.41:
  %t111 = load i32, ptr %s30
  %t112 = and i32 1, 31
  %t113 = lshr i32 %t111, %t112
  store i32 %t113, ptr %s34
  br label %endif.43
else.42:
  %t114 = load i32, ptr %s30
  %t115 = udiv i32 %t114, 10
  store i32 %t115, ptr %s34
  br label %endif.43
endif.43:
  %t116 = load i32, ptr %s34
  store i32 %t116, ptr %s33
  br label %endif.40
endif.40:
  %t117 = load i32, ptr %s33
  store i32 %t117, ptr %s32
  br label %endif.37
endif.37:
  %t118 = load i32, ptr %s32
  store i32 %t118, ptr %s9
  br label %while.13
done.15:
  %t119 = load i32, ptr %s8
  %t120 = and i32 %t119, 1
  %t121 = icmp ne i32 %t120, 0
  br i1 %t121, label %then.44, label %else.45
then.44:
  %t122 = load i32, ptr %s7
  %t123 = load i32, ptr %s10
  %t124 = sub i32 %t122, %t123
  %t125 = load i8, ptr %s17
  %t126 = icmp ne i8 %t125, 0
  br i1 %t126, label %then.47, label %else.48
then.47:
  store i32 1, ptr %s35
  br label %endif.49
else.48:
  store i32 0, ptr %s35
  br label %endif.49
endif.49:
  %t127 = load i32, ptr %s35
  %t128 = sub i32 %t124, %t127
  %t129 = call {} @"Fid.Runtime.spaces"(i32 %t128)
  br label %endif.46
else.45:
  br label %endif.46
endif.46:
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.panicMessage"({ ptr, i32 } %p0, { ptr, i32 } %p1) cold noinline section ".text.Fid.Runtime.panicMessage" {
entry:
  %s0 = alloca { ptr, i32 }
  %s1 = alloca { ptr, i32 }
  store { ptr, i32 } %p0, ptr %s0
  store { ptr, i32 } %p1, ptr %s1
  br label %body.0
body.0:
  %t0 = call {} @"Fid.Runtime.panicStart"({} zeroinitializer)
  %t1 = load { ptr, i32 }, ptr %s0
  %t2 = call {} @"Fid.Runtime.putString"({ ptr, i32 } %t1)
  %t3 = load { ptr, i32 }, ptr %s1
  %t4 = call {} @"Fid.Runtime.panicEnd"({ ptr, i32 } %t3)
  ret {} %t4
}

define internal {} @"Fid.Runtime.putWide"({ ptr, i32 } %p0) section ".text.Fid.Runtime.putWide" {
entry:
  %s0 = alloca { ptr, i32 }
  %s1 = alloca i32
  %s2 = alloca i16
  %s3 = alloca i32
  %s4 = alloca i32
  %s5 = alloca i16
  %s6 = alloca i32
  %s7 = alloca i1
  %s8 = alloca i1
  %s9 = alloca i1
  %s10 = alloca i32
  %s11 = alloca i16
  store { ptr, i32 } %p0, ptr %s0
  br label %body.0
body.0:
  store i32 0, ptr %s1
  br label %while.1
while.1:
  %t0 = load i32, ptr %s1
  %t1 = load { ptr, i32 }, ptr %s0
  %t2 = extractvalue { ptr, i32 } %t1, 1
  %t3 = and i32 %t2, 2147483647
  %t4 = icmp slt i32 %t0, %t3
  br i1 %t4, label %do.2, label %done.3
do.2:
  %t5 = load { ptr, i32 }, ptr %s0
  %t6 = load i32, ptr %s1
  %t7 = extractvalue { ptr, i32 } %t5, 0
  %t8 = extractvalue { ptr, i32 } %t5, 1
  %t9 = icmp slt i32 %t8, 0
  %t10 = load i1, ptr @fid.wide.strings
  %t11 = and i1 %t9, %t10
  %t12 = getelementptr inbounds i16, ptr %t7, i32 %t6
  %t13 = getelementptr inbounds i8, ptr %t7, i32 %t6
  br i1 %t11, label %wide.4, label %narrow.5
wide.4:
  %t14 = load i16, ptr %t12
  store i16 %t14, ptr %s2
  br label %char.6
narrow.5:
  %t15 = load i8, ptr %t13
  %t16 = zext i8 %t15 to i16
  store i16 %t16, ptr %s2
  br label %char.6
char.6:
  %t17 = load i16, ptr %s2
  %t18 = zext i16 %t17 to i32
  store i32 %t18, ptr %s3
  %t19 = load i32, ptr %s1
  %t20 = add i32 %t19, 1
  %t21 = load { ptr, i32 }, ptr %s0
  %t22 = extractvalue { ptr, i32 } %t21, 1
  %t23 = and i32 %t22, 2147483647
  %t24 = icmp slt i32 %t20, %t23
  br i1 %t24, label %then.7, label %else.8
then.7:
  %t25 = load { ptr, i32 }, ptr %s0
  %t26 = load i32, ptr %s1
  %t27 = add i32 %t26, 1
  %t28 = extractvalue { ptr, i32 } %t25, 0
  %t29 = extractvalue { ptr, i32 } %t25, 1
  %t30 = icmp slt i32 %t29, 0
  %t31 = load i1, ptr @fid.wide.strings
  %t32 = and i1 %t30, %t31
  %t33 = getelementptr inbounds i16, ptr %t28, i32 %t27
  %t34 = getelementptr inbounds i8, ptr %t28, i32 %t27
  br i1 %t32, label %wide.10, label %narrow.11
wide.10:
  %t35 = load i16, ptr %t33
  store i16 %t35, ptr %s5
  br label %char.12
narrow.11:
  %t36 = load i8, ptr %t34
  %t37 = zext i8 %t36 to i16
  store i16 %t37, ptr %s5
  br label %char.12
char.12:
  %t38 = load i16, ptr %s5
  %t39 = zext i16 %t38 to i32
  store i32 %t39, ptr %s4
  br label %endif.9
else.8:
  store i32 0, ptr %s4
  br label %endif.9
endif.9:
  %t40 = load i32, ptr %s4
  store i32 %t40, ptr %s6
  %t41 = load i32, ptr %s3
  %t42 = icmp sge i32 %t41, 55296
  store i1 %t42, ptr %s9
  br i1 %t42, label %and.13, label %logic.14
and.13:
  %t43 = load i32, ptr %s3
  %t44 = icmp sle i32 %t43, 56319
  store i1 %t44, ptr %s9
  br label %logic.14
logic.14:
  %t45 = load i1, ptr %s9
  store i1 %t45, ptr %s8
  br i1 %t45, label %and.15, label %logic.16
and.15:
  %t46 = load i32, ptr %s6
  %t47 = icmp sge i32 %t46, 56320
  store i1 %t47, ptr %s8
  br label %logic.16
logic.16:
  %t48 = load i1, ptr %s8
  store i1 %t48, ptr %s7
  br i1 %t48, label %and.17, label %logic.18
and.17:
  %t49 = load i32, ptr %s6
  %t50 = icmp sle i32 %t49, 57343
  store i1 %t50, ptr %s7
  br label %logic.18
logic.18:
  %t51 = load i1, ptr %s7
  br i1 %t51, label %then.19, label %else.20
then.19:
  %t52 = load i32, ptr %s3
  %t53 = sub i32 %t52, 55296
  %t54 = and i32 10, 31
  %t55 = shl i32 %t53, %t54
  %t56 = add i32 65536, %t55
  %t57 = load i32, ptr %s6
  %t58 = sub i32 %t57, 56320
  %t59 = add i32 %t56, %t58
  store i32 %t59, ptr %s10
  %t60 = load i32, ptr %s10
  %t61 = and i32 18, 31
  %t62 = ashr i32 %t60, %t61
  %t63 = or i32 240, %t62
  %t64 = trunc i32 %t63 to i8
  %t65 = call {} @"Fid.Runtime.putByte"(i8 %t64)
  %t66 = load i32, ptr %s10
  %t67 = and i32 12, 31
  %t68 = ashr i32 %t66, %t67
  %t69 = and i32 %t68, 63
  %t70 = or i32 128, %t69
  %t71 = trunc i32 %t70 to i8
  %t72 = call {} @"Fid.Runtime.putByte"(i8 %t71)
  %t73 = load i32, ptr %s10
  %t74 = and i32 6, 31
  %t75 = ashr i32 %t73, %t74
  %t76 = and i32 %t75, 63
  %t77 = or i32 128, %t76
  %t78 = trunc i32 %t77 to i8
  %t79 = call {} @"Fid.Runtime.putByte"(i8 %t78)
  %t80 = load i32, ptr %s10
  %t81 = and i32 %t80, 63
  %t82 = or i32 128, %t81
  %t83 = trunc i32 %t82 to i8
  %t84 = call {} @"Fid.Runtime.putByte"(i8 %t83)
  %t85 = load i32, ptr %s1
  %t86 = add i32 %t85, 2
  store i32 %t86, ptr %s1
  br label %endif.21
else.20:
  %t87 = load { ptr, i32 }, ptr %s0
  %t88 = load i32, ptr %s1
  %t89 = extractvalue { ptr, i32 } %t87, 0
  %t90 = extractvalue { ptr, i32 } %t87, 1
  %t91 = icmp slt i32 %t90, 0
  %t92 = load i1, ptr @fid.wide.strings
  %t93 = and i1 %t91, %t92
  %t94 = getelementptr inbounds i16, ptr %t89, i32 %t88
  %t95 = getelementptr inbounds i8, ptr %t89, i32 %t88
  br i1 %t93, label %wide.22, label %narrow.23
wide.22:
  %t96 = load i16, ptr %t94
  store i16 %t96, ptr %s11
  br label %char.24
narrow.23:
  %t97 = load i8, ptr %t95
  %t98 = zext i8 %t97 to i16
  store i16 %t98, ptr %s11
  br label %char.24
char.24:
  %t99 = load i16, ptr %s11
  %t100 = call {} @"Fid.Runtime.putChar"(i16 %t99)
  %t101 = load i32, ptr %s1
  %t102 = add i32 %t101, 1
  store i32 %t102, ptr %s1
  br label %endif.21
endif.21:
  br label %while.1
done.3:
  ret {} zeroinitializer
}

define internal {} @"Fid.Uart.write"(i8 %p0) section ".text.Fid.Uart.write" {
entry:
  %s0 = alloca i8
  store i8 %p0, ptr %s0
  br label %body.0
body.0:
  br label %while.1
while.1:
  %t0 = load i32, ptr @"Fid.Board.UartBase"
  %t1 = inttoptr i32 1073791000 to ptr
  %t2 = load volatile i32, ptr %t1, align 4
  %t3 = and i32 %t2, 32
  %t4 = icmp ne i32 %t3, 0
  br i1 %t4, label %do.2, label %done.3
do.2:
  br label %while.1
done.3:
  %t5 = load i32, ptr @"Fid.Board.UartBase"
  %t6 = load i8, ptr %s0
  %t7 = zext i8 %t6 to i32
  %t8 = inttoptr i32 %t5 to ptr
  store volatile i32 %t7, ptr %t8, align 4
  ret {} zeroinitializer
}

define internal i8 @"Fid.Runtime.signByte"(i1 %p0, i32 %p1) section ".text.Fid.Runtime.signByte" {
entry:
  %s0 = alloca i1
  %s1 = alloca i32
  store i1 %p0, ptr %s0
  store i32 %p1, ptr %s1
  br label %body.0
body.0:
  %t0 = load i1, ptr %s0
  br i1 %t0, label %then.1, label %else.2
then.1:
  ret i8 45
else.2:
  %t1 = load i32, ptr %s1
  %t2 = and i32 %t1, 4
  %t3 = icmp ne i32 %t2, 0
  br i1 %t3, label %then.3, label %else.4
then.3:
  ret i8 43
else.4:
  %t4 = load i32, ptr %s1
  %t5 = and i32 %t4, 8
  %t6 = icmp ne i32 %t5, 0
  br i1 %t6, label %then.5, label %else.6
then.5:
  ret i8 32
else.6:
  ret i8 0
}

define internal {} @"Fid.Runtime.padFront"(i32 %p0, i8 %p1, i32 %p2, i32 %p3) section ".text.Fid.Runtime.padFront" {
entry:
  %s0 = alloca i32
  %s1 = alloca i8
  %s2 = alloca i32
  %s3 = alloca i32
  %s4 = alloca i32
  %s5 = alloca i32
  %s6 = alloca i1
  store i32 %p0, ptr %s0
  store i8 %p1, ptr %s1
  store i32 %p2, ptr %s2
  store i32 %p3, ptr %s3
  br label %body.0
body.0:
  %t0 = load i32, ptr %s2
  %t1 = load i32, ptr %s0
  %t2 = sub i32 %t0, %t1
  %t3 = load i8, ptr %s1
  %t4 = icmp ne i8 %t3, 0
  br i1 %t4, label %then.1, label %else.2
then.1:
  store i32 1, ptr %s4
  br label %endif.3
else.2:
  store i32 0, ptr %s4
  br label %endif.3
endif.3:
  %t5 = load i32, ptr %s4
  %t6 = sub i32 %t2, %t5
  store i32 %t6, ptr %s5
  %t7 = load i32, ptr %s3
  %t8 = and i32 %t7, 3
  %t9 = icmp eq i32 %t8, 0
  br i1 %t9, label %then.4, label %else.5
then.4:
  %t10 = load i32, ptr %s5
  %t11 = call {} @"Fid.Runtime.spaces"(i32 %t10)
  br label %endif.6
else.5:
  br label %endif.6
endif.6:
  %t12 = load i8, ptr %s1
  %t13 = icmp ne i8 %t12, 0
  br i1 %t13, label %then.7, label %else.8
then.7:
  %t14 = load i8, ptr %s1
  %t15 = call {} @"Fid.Runtime.putByte"(i8 %t14)
  br label %endif.9
else.8:
  br label %endif.9
endif.9:
  %t16 = load i32, ptr %s3
  %t17 = and i32 %t16, 1
  %t18 = icmp eq i32 %t17, 0
  store i1 %t18, ptr %s6
  br i1 %t18, label %and.10, label %logic.11
and.10:
  %t19 = load i32, ptr %s3
  %t20 = and i32 %t19, 2
  %t21 = icmp ne i32 %t20, 0
  store i1 %t21, ptr %s6
  br label %logic.11
logic.11:
  %t22 = load i1, ptr %s6
  br i1 %t22, label %then.12, label %else.13
then.12:
  %t23 = load i32, ptr %s5
  %t24 = call {} @"Fid.Runtime.zeros"(i32 %t23)
  ret {} %t24
else.13:
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.spaces"(i32 %p0) section ".text.Fid.Runtime.spaces" {
entry:
  %s0 = alloca i32
  %s1 = alloca i32
  store i32 %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  store i32 1, ptr %s1
  %t1 = icmp sle i32 1, %t0
  store i32 1, ptr %s1
  br i1 %t1, label %forbody.2, label %endfor.1
forbody.2:
  %t2 = call {} @"Fid.Runtime.putByte"(i8 32)
  %t3 = load i32, ptr %s1
  %t4 = sub i32 %t0, %t3
  %t5 = icmp ult i32 %t4, 1
  br i1 %t5, label %endfor.1, label %fornext.3
fornext.3:
  %t6 = add i32 %t3, 1
  store i32 %t6, ptr %s1
  br label %forbody.2
endfor.1:
  ret {} zeroinitializer
}

define internal {} @"Fid.Runtime.panicStart"({} %p0) cold noinline section ".text.Fid.Runtime.panicStart" {
entry:
  %s0 = alloca {}
  %s1 = alloca {}
  store {} %p0, ptr %s0
  br label %body.0
body.0:
  br label %rule.1
rule.1:
  %t0 = call {} @"Fid.Runtime.putString"({ ptr, i32 } { ptr @.str.9, i32 7 })
  ret {} %t0
}

define internal {} @"Fid.Runtime.panicEnd"({ ptr, i32 } %p0) cold noinline section ".text.Fid.Runtime.panicEnd" {
entry:
  %s0 = alloca { ptr, i32 }
  store { ptr, i32 } %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = call {} @"Fid.Runtime.putString"({ ptr, i32 } { ptr @.str.10, i32 4 })
  %t1 = load { ptr, i32 }, ptr %s0
  %t2 = call {} @"Fid.Runtime.putString"({ ptr, i32 } %t1)
  %t3 = call {} @"Fid.Runtime.putByte"(i8 10)
  call void @fid.exit(i32 101)
  unreachable
}

define internal {} @"Fid.Runtime.putChar"(i16 %p0) section ".text.Fid.Runtime.putChar" {
entry:
  %s0 = alloca i16
  %s1 = alloca i32
  %s2 = alloca i1
  store i16 %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load i16, ptr %s0
  %t1 = zext i16 %t0 to i32
  store i32 %t1, ptr %s1
  %t2 = load i32, ptr %s1
  %t3 = icmp slt i32 %t2, 128
  br i1 %t3, label %then.1, label %else.2
then.1:
  %t4 = load i32, ptr %s1
  %t5 = trunc i32 %t4 to i8
  %t6 = call {} @"Fid.Runtime.putByte"(i8 %t5)
  ret {} %t6
else.2:
  %t7 = load i32, ptr %s1
  %t8 = icmp slt i32 %t7, 2048
  br i1 %t8, label %then.3, label %else.4
then.3:
  %t9 = load i32, ptr %s1
  %t10 = and i32 6, 31
  %t11 = ashr i32 %t9, %t10
  %t12 = or i32 192, %t11
  %t13 = trunc i32 %t12 to i8
  %t14 = call {} @"Fid.Runtime.putByte"(i8 %t13)
  %t15 = load i32, ptr %s1
  %t16 = and i32 %t15, 63
  %t17 = or i32 128, %t16
  %t18 = trunc i32 %t17 to i8
  %t19 = call {} @"Fid.Runtime.putByte"(i8 %t18)
  ret {} %t19
else.4:
  %t20 = load i32, ptr %s1
  %t21 = icmp sge i32 %t20, 55296
  store i1 %t21, ptr %s2
  br i1 %t21, label %and.5, label %logic.6
and.5:
  %t22 = load i32, ptr %s1
  %t23 = icmp sle i32 %t22, 57343
  store i1 %t23, ptr %s2
  br label %logic.6
logic.6:
  %t24 = load i1, ptr %s2
  br i1 %t24, label %then.7, label %else.8
then.7:
  %t25 = call {} @"Fid.Runtime.putByte"(i8 -17)
  %t26 = call {} @"Fid.Runtime.putByte"(i8 -65)
  %t27 = call {} @"Fid.Runtime.putByte"(i8 -67)
  ret {} %t27
else.8:
  %t28 = load i32, ptr %s1
  %t29 = and i32 12, 31
  %t30 = ashr i32 %t28, %t29
  %t31 = or i32 224, %t30
  %t32 = trunc i32 %t31 to i8
  %t33 = call {} @"Fid.Runtime.putByte"(i8 %t32)
  %t34 = load i32, ptr %s1
  %t35 = and i32 6, 31
  %t36 = ashr i32 %t34, %t35
  %t37 = and i32 %t36, 63
  %t38 = or i32 128, %t37
  %t39 = trunc i32 %t38 to i8
  %t40 = call {} @"Fid.Runtime.putByte"(i8 %t39)
  %t41 = load i32, ptr %s1
  %t42 = and i32 %t41, 63
  %t43 = or i32 128, %t42
  %t44 = trunc i32 %t43 to i8
  %t45 = call {} @"Fid.Runtime.putByte"(i8 %t44)
  ret {} %t45
}

define internal {} @"Fid.Runtime.zeros"(i32 %p0) section ".text.Fid.Runtime.zeros" {
entry:
  %s0 = alloca i32
  %s1 = alloca i32
  store i32 %p0, ptr %s0
  br label %body.0
body.0:
  %t0 = load i32, ptr %s0
  store i32 1, ptr %s1
  %t1 = icmp sle i32 1, %t0
  store i32 1, ptr %s1
  br i1 %t1, label %forbody.2, label %endfor.1
forbody.2:
  %t2 = call {} @"Fid.Runtime.putByte"(i8 48)
  %t3 = load i32, ptr %s1
  %t4 = sub i32 %t0, %t3
  %t5 = icmp ult i32 %t4, 1
  br i1 %t5, label %endfor.1, label %fornext.3
fornext.3:
  %t6 = add i32 %t3, 1
  store i32 %t6, ptr %s1
  br label %forbody.2
endfor.1:
  ret {} zeroinitializer
}

@_stack_bottom = external global i8
@_stack_top = external global i8
@__data_load = external global i8
@__data_start = external global i8
@__data_end = external global i8
@__bss_start = external global i8
@__bss_end = external global i8
@__ramfunc_load = external global i8
@__ramfunc_start = external global i8
@__ramfunc_end = external global i8
@fid.overflowing = internal global i8 0
define internal void @fid.copy(ptr %dst, ptr %src, ptr %end) "no-builtins" {
entry:
  br label %loop
loop:
  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
  %s = phi ptr [ %src, %entry ], [ %s2, %body ]
  %more = icmp ult ptr %d, %end
  br i1 %more, label %body, label %done
body:
  %v = load volatile i8, ptr %s
  store volatile i8 %v, ptr %d
  %d2 = getelementptr i8, ptr %d, i32 1
  %s2 = getelementptr i8, ptr %s, i32 1
  br label %loop
done:
  ret void
}
define internal void @fid.copy.data() noinline "no-builtins" {
entry:
  call void @fid.copy(ptr @__data_start, ptr @__data_load, ptr @__data_end)
  ret void
}
define internal void @fid.zero.bss() noinline "no-builtins" {
entry:
  call void @fid.fill(ptr @__bss_start, ptr @__bss_end, i8 0)
  ret void
}
define internal void @fid.fill(ptr %dst, ptr %end, i8 %value) "no-builtins" {
entry:
  br label %loop
loop:
  %d = phi ptr [ %dst, %entry ], [ %d2, %body ]
  %more = icmp ult ptr %d, %end
  br i1 %more, label %body, label %done
body:
  store volatile i8 %value, ptr %d
  %d2 = getelementptr i8, ptr %d, i32 1
  br label %loop
done:
  ret void
}
define internal i32 @fid.stackHighWater() { entry:
  ret i32 -1
}
define void @Reset_Handler() noreturn "no-builtins" {
entry:
  %demcr = load volatile i32, ptr inttoptr (i32 -536809988 to ptr)
  %demcr2 = or i32 %demcr, 16777216
  store volatile i32 %demcr2, ptr inttoptr (i32 -536809988 to ptr)
  %dwt = load volatile i32, ptr inttoptr (i32 -536866816 to ptr)
  %dwt2 = or i32 %dwt, 1
  store volatile i32 %dwt2, ptr inttoptr (i32 -536866816 to ptr)
  call void @fid.copy.data()
  call void @fid.zero.bss()
  call void @fid.uart.init()
  call void @fid.init()
  %code = call i32 @fid.main()
  call void @fid.exit(i32 %code)
  unreachable
}
define void @fid.exit(i32 %code) noreturn noinline {
entry:
  %block = getelementptr i8, ptr @_stack_top, i32 -8
  store volatile i32 131110, ptr %block
  %p1 = getelementptr [2 x i32], ptr %block, i32 0, i32 1
  store volatile i32 %code, ptr %p1
  call void asm sideeffect "movs r0, #0x20\0Amov r1, $0\0Abkpt #0xab", "r,~{r0},~{r1},~{memory}"(ptr %block)
  br label %halt
halt:
  call void asm sideeffect "cpsid i\0Awfi", "~{memory}"()
  br label %halt
}
define void @HardFault_Handler() naked noreturn {
entry:
  call void asm sideeffect "mrs r1, msp\0Aldr r0, =_stack_bottom\0Acmp r1, r0\0Abhs 1f\0A3:\0Aldr r0, =_stack_top\0Amsr msp, r0\0Amovs r0, #1\0Amovs r2, #0\0Ab 2f\0A1:\0Aldr r0, =0xE000ED28\0Aldr r0, [r0]\0Aldr r2, [r1, #24]\0Amov r1, r0\0Amovs r0, #0\0A2:\0Abl fid.hardfault", "~{memory}"()
  unreachable
}
define void @fid.hardfault(i32 %kind, i32 %value, i32 %pc) noreturn {
entry:
  call {} @"Fid.Runtime.panicFault"(i32 %kind, i32 %value, i32 %pc)
  unreachable
}
define void @Default_Handler() noreturn {
entry:
  %n = call i32 asm sideeffect "mrs $0, ipsr", "=r"()
  call {} @"Fid.Runtime.panicFault"(i32 2, i32 %n, i32 0)
  unreachable
}
@__vectors = constant [4 x ptr] [ptr @_stack_top, ptr @Reset_Handler, ptr @Default_Handler, ptr @HardFault_Handler], section ".vectors", align 4
@llvm.used = appending global [1 x ptr] [ptr @__vectors], section "llvm.metadata"
