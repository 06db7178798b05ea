import { runSinkTable } from './sinkTable';

const schema = `import mongoose, { Schema, model } from 'mongoose';\n`;

runSinkTable('sinks: mongoose', {
  valid: [
    `${schema}const User = model('User', new Schema({ email: String }));\nawait User.findOne({ email });`,
    `${schema}const User = model('User', new Schema({ email: String }));\nawait User.deleteOne({ email });`,
    `${schema}async function f(id) { const doc = await User.findById(id); await doc.save(); }`,
    `const User = sequelize.define('User', {});\nUser.findAll({ where: { email } });`,
    `users.create({ email });`,
    `const doc = makeDoc();\ndoc.save();`,
  ],
  invalid: [
    {
      code: `${schema}const userSchema = new Schema({ email: String, ip: String });\nconst User = mongoose.model('User', userSchema);\nawait User.create({ email, ip });`,
      expect: [{ line: 4, family: 'mongoose', kind: 'storage', data: ['{ email, ip }'], expiry: undefined }],
    },
    {
      code: `${schema}const User = model('User', new Schema({ email: String }));\nawait User.findOneAndUpdate({ _id: id }, { $set: { phone } });`,
      expect: [{ line: 3, family: 'mongoose', kind: 'storage', data: ['{ $set: { phone } }'] }],
    },
    {
      code: `${schema}const Session = model('Session', new Schema({ ip: String, createdAt: { type: Date, default: Date.now, expires: 3600 } }));\nawait Session.create({ ip });`,
      expect: [{ line: 3, family: 'mongoose', kind: 'storage', expiry: 'PT1H' }],
    },
    {
      code: `${schema}const visitSchema = new Schema({ ip: String, at: Date });\nvisitSchema.index({ at: 1 }, { expireAfterSeconds: 60 * 60 * 24 * 30 });\nconst Visit = model('Visit', visitSchema);\nawait Visit.insertMany(visits);`,
      expect: [{ line: 5, family: 'mongoose', kind: 'storage', expiry: 'P30D' }],
    },
    {
      code: `${schema}const Login = model('Login', new Schema({ at: { type: Date, expires: '7d' } }));\nawait new Login({ ip, email }).save();`,
      expect: [{ line: 3, family: 'mongoose', kind: 'storage', data: ['{ ip, email }'], expiry: 'P7D' }],
    },
    {
      code: `${schema}const User = model('User', new Schema({}));\nasync function register(dto) {\n  const user = new User(dto);\n  await user.save();\n}`,
      expect: [{ line: 5, family: 'mongoose', kind: 'storage', data: ['dto'] }],
    },
    {
      code: `import { Model } from 'mongoose';\nimport { InjectModel } from '@nestjs/mongoose';\nclass S {\n  constructor(@InjectModel(User.name) private userModel: Model<UserDocument>) {}\n  f(dto) { return this.userModel.updateOne({ id }, dto); }\n  g(dto) { return new this.userModel(dto).save(); }\n}`,
      expect: [
        { line: 5, family: 'mongoose', kind: 'storage', data: ['dto'] },
        { line: 6, family: 'mongoose', kind: 'storage', data: ['dto'] },
      ],
    },
    {
      code: [
        `import { Prop, Schema, SchemaFactory, InjectModel } from '@nestjs/mongoose';`,
        `import { Model } from 'mongoose';`,
        `@Schema()`,
        `class LoginAttempt {`,
        `  @Prop() ip!: string;`,
        `  @Prop({ default: Date.now, expires: 60 * 60 * 24 * 7 }) createdAt!: Date;`,
        `}`,
        `class S {`,
        `  constructor(@InjectModel(LoginAttempt.name) private readonly attempts: Model<LoginAttempt>) {}`,
        `  f(ip: string) { return this.attempts.create({ ip }); }`,
        `}`,
      ].join('\n'),
      expect: [{ line: 10, family: 'mongoose', kind: 'storage', expiry: 'P7D' }],
    },
    {
      code: [
        `import { Schema, SchemaFactory } from '@nestjs/mongoose';`,
        `import { HydratedDocument, Model } from 'mongoose';`,
        `@Schema() class Visit { ip!: string; at!: Date; }`,
        `type VisitDocument = HydratedDocument<Visit>;`,
        `const VisitSchema = SchemaFactory.createForClass(Visit);`,
        `VisitSchema.index({ at: 1 }, { expireAfterSeconds: 3600 });`,
        `class S {`,
        `  constructor(private readonly visits: Model<VisitDocument>) {}`,
        `  f(ip: string) { return this.visits.updateOne({ ip }, { ip }, { upsert: true }); }`,
        `}`,
      ].join('\n'),
      expect: [{ line: 9, family: 'mongoose', kind: 'storage', expiry: 'PT1H' }],
    },
    {
      code: `import mongoose from 'mongoose';\nconst User = mongoose.models.User || mongoose.model('User', UserSchema);\nawait User.replaceOne({ _id }, { email });`,
      expect: [{ line: 3, family: 'mongoose', kind: 'storage' }],
    },
  ],
});
